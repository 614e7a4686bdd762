import { counterNoticeWindow } from '../../tracking/deadlines';
import type { Localised } from '../elements';
import { utcYmd } from '../letter-date';
import { filled, ok, senderElements } from './checklist';
import type { FactsOf } from './schema';
import type { LetterSpec } from './spec';

/**
 * Civil Code art. 1196(2): the provider forwards the user's counter-declaration and tells the
 * rights holder it may complain to the authorities or sue; it ends its measures if, within a
 * reasonable period after the declaration reached the rights holder, it has not been notified
 * that a complaint or suit was filed. This letter is that notification, with the 受理通知书 as
 * proof that the case was accepted. On an e-commerce platform the period is 15 days (E-Commerce
 * Law art. 43).
 */
const ART_1196: Localised = { en: 'Civil Code of the PRC art. 1196', zh: '《中华人民共和国民法典》第一千一百九十六条' };
const ART_43: Localised = { en: 'E-Commerce Law of the PRC art. 43', zh: '《中华人民共和国电子商务法》第四十三条' };

const authorityName = (f: FactsOf<'cn_action_filed'>, tr: (en: string, zh: string) => string) =>
  f.authority.trim() || (f.route === 'suit' ? tr('[court]', '[人民法院]') : tr('[authority]', '[有关部门]'));

export const cnActionFiled: LetterSpec<'cn_action_filed'> = {
  kind: 'cn_action_filed',
  dateStyle: 'intl',
  closingZh: '特此通知。',
  law: (f) => (f.ecommercePlatform ? [ART_1196, ART_43] : [ART_1196]),
  elements: [
    {
      id: 'original_notice',
      name: { en: 'the notice the declaration answered (date and reference)', zh: '原通知（日期及编号）' },
      citation: ART_1196,
      hint: {
        en: 'Link the letter to the notice the counter-declaration answered.',
        zh: '请关联被反声明所针对的原通知。',
      },
      required: true,
      check: (f) => ok(filled(f.original.id) && filled(f.original.sentAt)),
    },
    {
      id: 'counter_statement_date',
      name: { en: 'date the forwarded declaration reached you', zh: '转送的声明到达日期' },
      citation: ART_1196,
      hint: {
        en: 'Enter when the forwarded declaration reached you; the reasonable period runs from it.',
        zh: '请填写转送的声明到达我方的日期；合理期限自该日起算。',
      },
      required: true,
      check: (f) => ok(filled(f.counterStatementReceivedAt)),
    },
    {
      id: 'authority',
      name: { en: 'court or authority that accepted the case', zh: '受理法院或行政部门' },
      citation: ART_1196,
      hint: {
        en: "Name the people's court or the copyright administration that accepted the case.",
        zh: '请填写受理案件的人民法院或著作权行政管理部门。',
      },
      required: true,
      check: (f) => ok(filled(f.authority)),
    },
    {
      id: 'case_number',
      name: { en: 'case or acceptance number', zh: '案号或受理编号' },
      citation: ART_1196,
      hint: { en: 'Enter the number on the acceptance notice.', zh: '请填写受理通知书上的案号或编号。' },
      required: true,
      check: (f) => ok(filled(f.caseNumber)),
    },
    {
      id: 'accepted_on',
      name: { en: 'date of acceptance', zh: '受理日期' },
      citation: ART_1196,
      hint: {
        en: 'Enter the date on the acceptance notice; it cannot be later than the letter.',
        zh: '请填写受理通知书上的日期；不得晚于本通知日期。',
      },
      required: true,
      check: (f, ctx) => ok(!!f.acceptedOn && f.acceptedOn <= ctx.today),
    },
    {
      id: 'acceptance_notice',
      name: { en: 'acceptance notice (受理通知书) attached', zh: '受理通知书（随附）' },
      citation: ART_1196,
      hint: {
        en: "Attach the court's or authority's acceptance notice and name the file.",
        zh: '请随附受理通知书并注明文件名。',
      },
      required: true,
      check: (f) => ok(filled(f.acceptanceNotice)),
    },
    {
      // 15 days on an e-commerce platform; otherwise a "reasonable period", which the product puts
      // at 20 working days by default (deadlines.ts), hence unverified.
      id: 'timely',
      name: { en: 'sent within the period after the declaration reached you', zh: '于声明到达后的期限内发出' },
      citation: ART_1196,
      hint: {
        en: 'The period after the declaration reached you has passed or is about to: the provider may end its measures. Send at once.',
        zh: '声明到达后的期限已届满或即将届满，服务商可能终止所采取的措施，请立即发送。',
      },
      required: false,
      unverified: true,
      check: (f, ctx) => {
        if (!f.counterStatementReceivedAt) return 'weak';
        const law = f.ecommercePlatform ? 'cn-ecommerce-43' : 'cn-civil-1196';
        const end = utcYmd(counterNoticeWindow(law, new Date(f.counterStatementReceivedAt)).latest);
        return ctx.today < end ? 'ok' : 'weak';
      },
    },
    {
      id: 'id_document',
      name: { en: 'business licence or ID copy', zh: '营业执照或身份证复印件' },
      citation: {
        en: 'Civil Code art. 1195(1) (true identity)',
        zh: '《民法典》第一千一百九十五条第一款（真实身份信息）',
      },
      hint: {
        en: 'Attach the business licence (sealed) or ID copy, as with the notice.',
        zh: '请如原通知一样随附加盖公章的营业执照或身份证复印件。',
      },
      required: false,
      check: (f) => (filled(f.idDocument) ? 'ok' : 'weak'),
    },
    ...senderElements<FactsOf<'cn_action_filed'>>(ART_1196, { signatureRequired: false }),
  ],
  subject: (f, w) =>
    f.route === 'suit'
      ? w.tr('Notification that an action has been filed (Civil Code art. 1196)', '关于已提起诉讼的通知')
      : w.tr('Notification that a complaint has been filed (Civil Code art. 1196)', '关于已向有关部门投诉的通知'),
  sections: (f, w) => {
    const sent = w.time(f.original.sentAt);
    const reached = f.counterStatementReceivedAt ? w.time(f.counterStatementReceivedAt) : w.tr('[date]', '[日期]');
    const declarant = f.declarant.trim();
    const who = declarant ? w.tr(` from ${declarant}`, `${declarant}提交的`) : w.tr('', '网络用户提交的');
    const auth = authorityName(f, w.tr);
    const done =
      f.route === 'suit'
        ? w.tr(
            `has brought an action before ${auth}, which has accepted it`,
            `已就上述内容向${auth}提起诉讼，并已获受理`,
          )
        : w.tr(`has filed a complaint with ${auth}, which has accepted it`, `已就上述内容向${auth}投诉，并已获受理`);
    const annexes = [w.tr(`Acceptance notice: ${f.acceptanceNotice}`, `受理通知书复印件：${f.acceptanceNotice}`)];
    if (filled(f.idDocument))
      annexes.push(w.tr(`Identity of the rights holder: ${f.idDocument}`, `权利人身份证明：${f.idDocument}`));
    return [
      {
        id: 'intro',
        title: w.tr('Notification', '通知'),
        paragraphs: [
          w.tr(
            `On ${sent}, ${w.party} sent you a notice (reference ${f.original.id}) about the material listed below. The declaration of non-infringement${who} that you forwarded reached us on ${reached}.`,
            `我司于${sent}向贵司发出侵权通知（编号：${f.original.id}），涉及下列内容。贵司转送的${who}不存在侵权行为的声明已于${reached}到达我司。`,
          ),
          w.tr(
            `Under ${f.ecommercePlatform ? 'article 1196 of the Civil Code and article 43 of the E-Commerce Law' : 'article 1196 of the Civil Code'}, we notify you that ${w.party} ${done}.`,
            `根据${f.ecommercePlatform ? '《中华人民共和国民法典》第一千一百九十六条及《中华人民共和国电子商务法》第四十三条' : '《中华人民共和国民法典》第一千一百九十六条'}的规定，现通知贵司：我司${done}。`,
          ),
        ],
      },
      {
        id: 'explanation',
        title: w.tr('Acceptance', '受理情况'),
        paragraphs: [],
        items: [
          `${f.route === 'suit' ? w.tr('Court', '受理法院') : w.tr('Authority', '受理部门')}${w.tr(': ', '：')}${auth}`,
          `${w.tr('Case or acceptance number', '案号/受理编号')}${w.tr(': ', '：')}${f.caseNumber}`,
          `${w.tr('Accepted on', '受理日期')}${w.tr(': ', '：')}${f.acceptedOn ? w.day(f.acceptedOn) : ''}`,
        ],
      },
      {
        id: 'infringing',
        title: w.tr('Material concerned', '所涉内容'),
        paragraphs:
          f.works.length > 0
            ? [
                `${w.tr('Works: ', '权利作品：')}${f.works.map((t) => (w.lang === 'zh' ? `《${t.replace(/^《|》$/g, '')}》` : t)).join(w.tr('; ', '；'))}`,
              ]
            : [],
        items: f.original.urls,
      },
      {
        id: 'request',
        title: w.tr('Request', '请求事项'),
        paragraphs: [w.tr('We ask you to:', '请贵司：')],
        items: [
          w.tr(
            'maintain the measures taken on the material listed above and not end them on the strength of the declaration;',
            '继续维持对上列内容已采取的必要措施，不因上述声明而终止；',
          ),
          w.tr('confirm in writing that you received this notification.', '书面告知我司贵司收到本通知的情况。'),
        ],
      },
      {
        id: 'statements',
        title: w.tr('Guarantee', '保证声明'),
        paragraphs: [
          w.tr(
            `${w.party} guarantees that this notification and its annexes are true and answers for their truth.`,
            '我司保证本通知及所附材料内容真实，并对本通知的真实性负责。',
          ),
        ],
      },
      { id: 'evidence', title: w.tr('Annexes', '附件'), paragraphs: [], items: annexes },
    ];
  },
};
