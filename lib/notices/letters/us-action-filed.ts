import { counterNoticeWindow } from '../../tracking/deadlines';
import { utcYmd } from '../letter-date';
import type { Localised } from '../elements';
import { filled, ok, senderElements } from './checklist';
import type { FactsOf } from './schema';
import type { LetterSpec } from './spec';

/**
 * 17 U.S.C. § 512(g)(2)(C): after a counter-notification the provider restores the material
 * "not less than 10, nor more than 14, business days" after receiving it, "unless its designated
 * agent first receives notice from the person who submitted the notification under subsection
 * (c)(1)(C) that such person has filed an action seeking a court order to restrain the subscriber".
 * This letter is that notice; the court and case number make it verifiable, the complaint proves it.
 */
const G2C: Localised = { en: '17 U.S.C. § 512(g)(2)(C)', zh: '《美国法典》第17编第512条(g)(2)(C)' };

export const usActionFiled: LetterSpec<'us_action_filed'> = {
  kind: 'us_action_filed',
  dateStyle: 'us',
  law: () => [G2C],
  elements: [
    {
      id: 'original_notice',
      name: { en: 'the notification this answers (date and reference)', zh: '所回应的原通知（日期及编号）' },
      citation: G2C,
      hint: {
        en: 'The letter must come from the person who sent the original notification: link it to that notice.',
        zh: '该函须由原通知的发送人发出：请关联原通知。',
      },
      required: true,
      check: (f) => ok(filled(f.original.id) && filled(f.original.sentAt)),
    },
    {
      id: 'designated_agent',
      name: { en: "the provider's designated agent", zh: '服务商的指定代理人' },
      citation: { en: '17 U.S.C. § 512(c)(2), (g)(2)(C)', zh: '《美国法典》第17编第512条(c)(2)、(g)(2)(C)' },
      hint: {
        en: "Address the letter to the designated agent's e-mail or form (dmca.copyright.gov lists it).",
        zh: '请填写指定代理人的电子邮箱或网页表单（见美国版权局DMCA指定代理人名录）。',
      },
      required: true,
      check: (f) => ok(f.recipient.emails.some(filled) || filled(f.recipient.formUrl)),
    },
    {
      id: 'counter_notice_date',
      name: { en: 'date the counter-notification was received', zh: '反通知的收到日期' },
      citation: { en: '17 U.S.C. § 512(g)(2)(B)–(C)', zh: '《美国法典》第17编第512条(g)(2)(B)–(C)' },
      hint: {
        en: 'Enter when the provider received the counter-notification; the 10–14 business days run from it.',
        zh: '请填写服务商收到反通知的日期；10至14个工作日自该日起算。',
      },
      required: true,
      check: (f) => ok(filled(f.counterNoticeReceivedAt)),
    },
    {
      id: 'subscriber',
      name: { en: 'the subscriber the action seeks to restrain', zh: '诉讼所针对的用户' },
      citation: G2C,
      hint: { en: 'Name the subscriber as the counter-notification names them.', zh: '请按反通知中的名称填写该用户。' },
      required: true,
      check: (f) => ok(filled(f.subscriber)),
    },
    {
      id: 'court',
      name: { en: 'court where the action was filed', zh: '受理法院' },
      citation: G2C,
      hint: {
        en: 'Name the court, e.g. "United States District Court for the Central District of California".',
        zh: '请填写受理法院名称。',
      },
      required: true,
      check: (f) => ok(filled(f.court)),
    },
    {
      id: 'case_number',
      name: { en: 'case number', zh: '案号' },
      citation: G2C,
      hint: {
        en: 'Enter the case number the court assigned, so the agent can verify the filing.',
        zh: '请填写法院编定的案号，以便核实。',
      },
      required: true,
      check: (f) => ok(filled(f.caseNumber)),
    },
    {
      id: 'filing_date',
      name: { en: 'date the action was filed', zh: '起诉日期' },
      citation: G2C,
      hint: {
        en: 'Enter the filing date; it cannot be later than the letter ("has filed").',
        zh: '请填写起诉日期；不得晚于本函日期。',
      },
      required: true,
      check: (f, ctx) => ok(!!f.filedOn && f.filedOn <= ctx.today),
    },
    {
      id: 'complaint_copy',
      name: { en: 'copy of the complaint', zh: '起诉状副本' },
      citation: G2C,
      hint: { en: 'Attach the complaint as filed and name the file.', zh: '请附上已提交的起诉状并注明文件名。' },
      required: true,
      check: (f) => ok(filled(f.complaintCopy)),
    },
    {
      id: 'stmt_restrain',
      name: {
        en: 'statement that the action seeks an order restraining the subscriber',
        zh: '诉讼请求禁止该用户侵权的声明',
      },
      citation: G2C,
      hint: {
        en: 'Tick only if the action asks the court to restrain the subscriber from infringing activity relating to this material.',
        zh: '仅在诉讼请求法院禁止该用户就该内容从事侵权活动时勾选。',
      },
      required: true,
      check: (f) => ok(f.confirmRestrain === true),
    },
    {
      id: 'timely',
      name: { en: 'sent before business day 10 after the counter-notification', zh: '于反通知后第10个工作日前发出' },
      citation: G2C,
      hint: {
        en: 'The provider may restore the material from business day 10 after it received the counter-notification: send at once.',
        zh: '服务商可自收到反通知后第10个工作日起恢复内容：请立即发送。',
      },
      required: false,
      check: (f, ctx) => {
        if (!f.counterNoticeReceivedAt) return 'weak';
        const earliest = utcYmd(counterNoticeWindow('us-512g', new Date(f.counterNoticeReceivedAt)).earliest);
        return ctx.today < earliest ? 'ok' : 'weak';
      },
    },
    ...senderElements<FactsOf<'us_action_filed'>>(G2C, { signatureRequired: true }),
  ],
  subject: (f, w) =>
    w.tr(
      `Notice of action filed under 17 U.S.C. § 512(g)(2)(C) – ${f.caseNumber.trim() || '[case number]'}`,
      `依据《美国法典》第17编第512条(g)(2)(C)的已起诉通知 – ${f.caseNumber.trim() || '[案号]'}`,
    ),
  sections: (f, w) => {
    const sent = w.day(f.original.sentAt);
    const counter = f.counterNoticeReceivedAt ? w.day(f.counterNoticeReceivedAt) : w.tr('[date]', '[日期]');
    const ref = f.original.id;
    const subscriber = f.subscriber.trim() || w.tr('[subscriber]', '[用户]');
    return [
      {
        id: 'intro',
        title: w.tr('Notice', '通知'),
        paragraphs: [
          w.tr(
            `On ${sent} ${w.party} sent your designated agent a notification of claimed infringement (our reference ${ref}) about the material listed below. On ${counter} you received a counter-notification from ${subscriber} about that material.`,
            `${w.party}于${sent}向贵司指定代理人发出侵权通知（编号：${ref}），涉及下列内容。贵司于${counter}收到${subscriber}就该内容提交的反通知。`,
          ),
          w.tr(
            `${w.party}, the person who submitted that notification, gives you notice under 17 U.S.C. § 512(g)(2)(C) that it has filed an action seeking a court order to restrain ${subscriber} from engaging in infringing activity relating to the material on your system or network.`,
            `作为原通知的发送人，${w.party}依据《美国法典》第17编第512条(g)(2)(C)通知贵司：${w.party}已提起诉讼，请求法院发布命令，禁止${subscriber}就贵司系统或网络上的该内容从事侵权活动。`,
          ),
        ],
      },
      {
        id: 'explanation',
        title: w.tr('Action filed', '诉讼情况'),
        paragraphs: [],
        items: [
          `${w.tr('Court: ', '法院：')}${f.court}`,
          `${w.tr('Case number: ', '案号：')}${f.caseNumber}`,
          `${w.tr('Filed on: ', '起诉日期：')}${f.filedOn ? w.day(f.filedOn) : ''}`,
          `${w.tr('Defendant: ', '被告：')}${subscriber}`,
        ],
      },
      {
        id: 'infringing',
        title: w.tr('Material concerned', '所涉内容'),
        paragraphs:
          f.works.length > 0
            ? [
                `${w.tr('Works: ', '作品：')}${f.works.map((t) => (w.lang === 'zh' ? `《${t.replace(/^《|》$/g, '')}》` : t)).join(w.tr('; ', '；'))}`,
              ]
            : [],
        items: f.original.urls,
      },
      {
        id: 'request',
        title: w.tr('Request', '请求'),
        paragraphs: [w.tr('We ask you to:', '请贵司：')],
        items: [
          w.tr(
            'keep the material removed, or access to it disabled, and not replace it on the strength of the counter-notification (17 U.S.C. § 512(g)(2)(C));',
            '继续删除该内容或维持禁止访问，不因反通知而恢复（《美国法典》第17编第512条(g)(2)(C)）；',
          ),
          w.tr('confirm that your designated agent received this notice.', '确认贵司指定代理人已收到本通知。'),
        ],
      },
      {
        id: 'evidence',
        title: w.tr('Enclosure', '附件'),
        paragraphs: [],
        items: [`${w.tr('Copy of the complaint as filed: ', '起诉状副本：')}${f.complaintCopy}`],
      },
      {
        id: 'statements',
        title: w.tr('Statement', '声明'),
        paragraphs: [
          w.tr('I state that the information in this notice is accurate.', '本人保证本通知所述内容真实、准确。'),
        ],
      },
    ];
  },
};
