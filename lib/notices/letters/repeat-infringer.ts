import type { Localised } from '../elements';
import { filled, ok, senderElements } from './checklist';
import type { FactsOf } from './schema';
import type { LetterSpec } from './spec';

/**
 * A request to act against a repeat infringer, built from our earlier notices to the same
 * provider about the same customer, IP address or account. The law cited depends on who
 * receives it: a US service provider's safe harbour is conditioned on a repeat-infringer
 * policy "reasonably implemented" (17 U.S.C. § 512(i)(1)(A); BMG v. Cox, 881 F.3d 293 (4th Cir.
 * 2018)); a Chinese provider's measures against 重复侵权 by the same user weigh in whether it
 * "should have known" (SPC 2012 Provisions art. 9, item 6; numbering from memory, hence
 * unverified); anyone else is asked under its own terms, with no statute claimed.
 */
const US_512I: Localised = { en: '17 U.S.C. § 512(i)(1)(A)', zh: '《美国法典》第17编第512条(i)(1)(A)' };
const COX: Localised = {
  en: 'BMG Rights Management (US) LLC v. Cox Communications, Inc., 881 F.3d 293 (4th Cir. 2018)',
  zh: 'BMG Rights Management (US) LLC v. Cox Communications, Inc., 881 F.3d 293 (4th Cir. 2018)',
};
const CN_SPC: Localised = {
  en: 'SPC Provisions on Disputes over the Right of Communication through Information Networks (2012, rev. 2020) art. 9(6)',
  zh: '《最高人民法院关于审理侵害信息网络传播权民事纠纷案件适用法律若干问题的规定》第九条第（六）项',
};

type F = FactsOf<'repeat_infringer'>;

/** Our earlier notices to this provider: the letter's whole basis. */
const sentPriors = (f: F) => f.priorNotices.filter((p) => filled(p.id) && filled(p.sentAt));

function subjectLabel(f: F, tr: (en: string, zh: string) => string): string {
  const v = f.subject.value.trim();
  switch (f.subject.kind) {
    case 'ip':
      return tr(`IP address ${v}`, `IP地址${v}`);
    case 'site':
      return tr(`website ${v}`, `网站${v}`);
    case 'account':
      return tr(`account ${v}`, `账户${v}`);
  }
}

export const repeatInfringer: LetterSpec<'repeat_infringer'> = {
  kind: 'repeat_infringer',
  dateStyle: 'intl',
  closingZh: '特此通知。',
  law: (f) => (f.law === 'us' ? [US_512I, COX] : f.law === 'cn' ? [CN_SPC] : []),
  elements: [
    {
      id: 'prior_notices',
      name: { en: 'earlier notices to this provider (at least two)', zh: '此前向该服务商发出的通知（至少两份）' },
      citation: { en: '17 U.S.C. § 512(i)(1)(A); 重复侵权', zh: '重复侵权；《美国法典》第17编第512条(i)(1)(A)' },
      hint: {
        en: 'A repeat-infringer request rests on earlier sent notices about the same customer: link at least two.',
        zh: '重复侵权请求须以此前就同一用户发出的通知为依据：请至少关联两份已发送的通知。',
      },
      required: true,
      check: (f) => ok(sentPriors(f).length >= 2),
    },
    {
      id: 'threshold',
      name: { en: "the practice's repeat threshold reached", zh: '达到重复侵权阈值' },
      citation: { en: 'practice setting', zh: '本所设置' },
      hint: {
        en: 'Fewer earlier notices than your threshold: the provider may not treat this as repeat infringement yet.',
        zh: '此前通知数少于设置的阈值：服务商可能尚不认定为重复侵权。',
      },
      required: false,
      check: (f) => (sentPriors(f).length >= f.threshold ? 'ok' : 'weak'),
    },
    {
      id: 'subject',
      name: { en: 'the customer, IP address or account concerned', zh: '所涉用户、IP地址或账户' },
      citation: { en: '17 U.S.C. § 512(i)(1)(A) ("subscribers and account holders")', zh: '同一网络用户' },
      hint: {
        en: 'Name the IP address, website or account the earlier notices share.',
        zh: '请填写此前通知共同涉及的IP地址、网站或账户。',
      },
      required: true,
      check: (f) => ok(filled(f.subject.value)),
    },
    {
      id: 'prior_urls',
      name: { en: 'URLs of the earlier notices', zh: '此前通知所列网址' },
      citation: { en: 'practice: the letter cites the earlier notices', zh: '函件须列明此前通知' },
      hint: { en: 'Each earlier notice should list the URLs it concerned.', zh: '每份此前通知应列明其所涉网址。' },
      required: false,
      check: (f) => (sentPriors(f).every((p) => p.urls.length > 0) ? 'ok' : 'weak'),
    },
    ...senderElements<F>(US_512I, { signatureRequired: false }).map((e) => ({
      ...e,
      citation: { en: 'letter', zh: '函件' },
    })),
  ],
  subject: (f, w) => {
    const n = sentPriors(f).length;
    return w.tr(
      `Repeat infringement – ${subjectLabel(f, w.tr)} – ${n} earlier notices`,
      `关于同一用户重复侵权的通知 – ${subjectLabel(f, w.tr)} – 此前已通知${n}次`,
    );
  },
  sections: (f, w) => {
    const priors = [...sentPriors(f)].sort((a, b) => Date.parse(a.sentAt) - Date.parse(b.sentAt));
    const who = subjectLabel(f, w.tr);
    const intro = [
      w.tr(
        `Between ${priors[0] ? w.day(priors[0].sentAt) : '[date]'} and ${priors.at(-1) ? w.day(priors.at(-1)!.sentAt) : '[date]'}, ${w.party} sent you ${priors.length} notices of copyright infringement about material served from the same ${who}. They are listed below with their dates, references and URLs.`,
        `${priors[0] ? w.day(priors[0].sentAt) : '[日期]'}至${priors.at(-1) ? w.day(priors.at(-1)!.sentAt) : '[日期]'}期间，我司已就同一${who}上的侵权内容向贵司发出${priors.length}份侵权通知，其日期、编号及所涉网址列于下文。`,
      ),
    ];
    if (f.law === 'us')
      intro.push(
        w.tr(
          'Under 17 U.S.C. § 512(i)(1)(A), the limitations on liability in § 512 apply to a service provider only if it has adopted and reasonably implemented, and informs its subscribers and account holders of, a policy that provides for the termination in appropriate circumstances of subscribers and account holders who are repeat infringers. See BMG Rights Management (US) LLC v. Cox Communications, Inc., 881 F.3d 293 (4th Cir. 2018).',
          '依据《美国法典》第17编第512条(i)(1)(A)，服务商须已采纳并合理执行针对重复侵权用户、在适当情形下终止其账户的政策，并告知其用户，方可适用第512条的责任限制。参见BMG Rights Management (US) LLC v. Cox Communications, Inc., 881 F.3d 293 (4th Cir. 2018)。',
        ),
      );
    else if (f.law === 'cn')
      intro.push(
        w.tr(
          'Under article 9, item 6 of the SPC Provisions on Disputes over the Right of Communication through Information Networks, whether a network service provider took reasonable measures against repeat infringement by the same network user is a factor in deciding whether it should have known of the infringement.',
          '根据《最高人民法院关于审理侵害信息网络传播权民事纠纷案件适用法律若干问题的规定》第九条第（六）项，网络服务提供者是否针对同一网络用户的重复侵权行为采取了相应的合理措施，是认定其是否应知侵权的考量因素。',
        ),
      );
    const priorItems = priors.map((p) =>
      [
        w.day(p.sentAt),
        w.tr(`ref. ${p.id}`, `编号${p.id}`),
        p.recipient.trim() ? w.tr(`sent to ${p.recipient}`, `发送至${p.recipient}`) : '',
        p.urls.length > 0 ? `${w.tr('URLs', '网址')}${w.tr(': ', '：')}${p.urls.join(', ')}` : '',
      ]
        .filter(Boolean)
        .join(' — '),
    );
    const request =
      f.law === 'us'
        ? w.tr(
            'apply your repeat-infringer policy to the subscriber or account holder concerned and, as that policy provides in these circumstances, terminate the account;',
            '对相关用户或账户持有人适用贵司的重复侵权政策，并依该政策在此情形下终止其账户；',
          )
        : f.law === 'cn'
          ? w.tr(
              'take reasonable measures against the repeat infringement by this user, including suspending or ending your service to it under your service agreement;',
              '对该用户的重复侵权行为采取相应的合理措施，包括依据贵司服务协议暂停或终止向其提供服务；',
            )
          : w.tr(
              'apply the provisions of your terms of service on repeated infringement to the customer concerned, up to ending the service;',
              '依据贵司服务协议中有关重复侵权的条款处理相关客户，直至终止服务；',
            );
    return [
      { id: 'intro', title: w.tr('Notice', '通知'), paragraphs: intro },
      {
        id: 'prior',
        title: w.tr('Earlier notices', '此前通知'),
        paragraphs:
          f.works.length > 0
            ? [
                `${w.tr('Works: ', '权利作品：')}${f.works.map((t) => (w.lang === 'zh' ? `《${t.replace(/^《|》$/g, '')}》` : t)).join(w.tr('; ', '；'))}`,
              ]
            : [],
        items: priorItems,
      },
      {
        id: 'request',
        title: w.tr('Request', '请求事项'),
        paragraphs: [w.tr('We ask you to:', '请贵司：')],
        items: [
          request,
          w.tr(
            'preserve the account records and logs of this customer, pending legal process;',
            '依法保存该用户的注册信息及相关日志，以备法律程序之需；',
          ),
          w.tr('tell us what action you took.', '将所采取的措施书面告知我司。'),
        ],
      },
      {
        id: 'statements',
        title: w.tr('Statement', '保证声明'),
        paragraphs: [
          w.tr(
            `${w.party} states that the information in this letter is accurate and that it sent the earlier notices listed above on the dates given.`,
            '我司保证本通知内容真实，上列此前通知均由我司于所列日期发出，并对本通知的真实性负责。',
          ),
        ],
      },
    ];
  },
};
