import type { Localised } from '../elements';
import { EVIDENCE_KIND, evidenceTimeLabel } from '../evidence-kinds';
import { filled, ok, senderElements } from './checklist';
import type { FactsOf } from './schema';
import type { LetterSpec } from './spec';

/**
 * A report to the MIIT filing system (未备案网站举报) about a site served from a mainland-China
 * host whose page shows no ICP filing or licence number. Internet information services in China
 * need a licence (经营性) or a filing (非经营性) before they operate (Measures for the
 * Administration of Internet Information Services, State Council Decree 292, art. 4); the
 * non-commercial filing rule is MII Order 33 (2005) art. 5 (from memory, hence unverified).
 * The report only states what the captured page showed: it never asserts more than the evidence.
 */
const DECREE_292: Localised = {
  en: 'Measures for the Administration of Internet Information Services (State Council Decree No. 292) art. 4',
  zh: '《互联网信息服务管理办法》（国务院令第292号）第四条',
};
const ORDER_33: Localised = {
  en: 'Measures for the Filing Administration of Non-commercial Internet Information Services (MII Order No. 33) art. 5',
  zh: '《非经营性互联网信息服务备案管理办法》（信息产业部令第33号）第五条',
};

type F = FactsOf<'miit_unfiled'>;

export const miitUnfiled: LetterSpec<'miit_unfiled'> = {
  kind: 'miit_unfiled',
  dateStyle: 'intl',
  closingZh: '特此举报。',
  law: () => [DECREE_292, ORDER_33],
  elements: [
    {
      id: 'domain',
      name: { en: "the site's domain name", zh: '被举报网站域名' },
      citation: DECREE_292,
      hint: { en: 'Enter the domain name of the site.', zh: '请填写被举报网站的域名。' },
      required: true,
      check: (f) => ok(filled(f.domain)),
    },
    {
      id: 'mainland_host',
      name: { en: 'the mainland-China host serving the site', zh: '境内接入服务商' },
      citation: DECREE_292,
      hint: {
        en: 'Run the hosting look-up: the report applies only to a site served from a mainland-China host.',
        zh: '请先进行托管查询：仅对由境内接入服务商提供接入的网站举报。',
      },
      required: true,
      check: (f) => ok(filled(f.hostProvider)),
    },
    {
      id: 'site_ip',
      name: { en: "the site's IP address", zh: '网站IP地址' },
      citation: DECREE_292,
      hint: { en: 'Add the IP address from the look-up.', zh: '请填入托管查询得到的IP地址。' },
      required: false,
      check: (f) => (filled(f.ip) ? 'ok' : 'weak'),
    },
    {
      id: 'page_archived',
      name: { en: 'page archive showing the footer', zh: '网页存档（含页脚）' },
      citation: ORDER_33,
      hint: {
        en: 'Capture the page with its HTML: only the archive shows that no number is displayed.',
        zh: '请采集含HTML的网页存档：只有存档能证明页面未显示备案编号。',
      },
      required: true,
      check: (f) => ok(f.pageArchived && f.evidence.some((e) => e.kind === 'html')),
    },
    {
      id: 'no_icp_shown',
      name: { en: 'the page shows no ICP number', zh: '页面未显示ICP备案编号' },
      citation: ORDER_33,
      hint: {
        en: 'The captured page shows an ICP number: a report that the site is unfiled would be false. Check the number on the MIIT system instead.',
        zh: '所采集页面显示有ICP编号：举报其未备案将与事实不符。请改为在工信部备案系统核查该编号。',
      },
      required: true,
      unverified: true,
      check: (f) => ok(f.icpShown.length === 0),
    },
    {
      id: 'evidence_list',
      name: { en: 'evidence list with hashes and capture times', zh: '证据清单（含哈希值及采集时间）' },
      citation: { en: 'report practice', zh: '举报材料' },
      hint: {
        en: 'Capture evidence of the page so that the list can be attached.',
        zh: '请采集网页证据以便附上证据清单。',
      },
      required: true,
      check: (f) => ok(f.evidence.length > 0),
    },
    ...senderElements<F>(DECREE_292, { signatureRequired: false }).map((e) => ({
      ...e,
      citation: { en: 'reporter', zh: '举报人信息' },
    })),
  ],
  subject: (f, w) =>
    w.tr(
      `Report of an unfiled website – ${f.domain.trim() || '[domain]'}`,
      `关于网站${f.domain.trim() || '[域名]'}未履行ICP备案手续的举报`,
    ),
  sections: (f, w) => {
    const firstCapture = [...f.evidence].sort((a, b) => Date.parse(a.capturedAt) - Date.parse(b.capturedAt))[0];
    const when = firstCapture ? w.time(firstCapture.capturedAt) : w.tr('[time]', '[时间]');
    const where = [
      f.ip.trim() ? w.tr(`IP address ${f.ip}`, `IP地址：${f.ip}`) : '',
      f.hostProvider.trim() ? w.tr(`host ${f.hostProvider}`, `接入服务商：${f.hostProvider}`) : '',
    ]
      .filter(Boolean)
      .join(w.tr(', ', '，'));
    const works = f.works.map((t) => (w.lang === 'zh' ? `《${t.replace(/^《|》$/g, '')}》` : t)).join(w.tr('; ', '；'));
    return [
      {
        id: 'intro',
        title: w.tr('Report', '举报事项'),
        paragraphs: [
          w.tr(
            `The website ${f.domain} (${where}) is served from a host in mainland China. The page we captured on ${when} displays no ICP filing or licence number.`,
            `网站${f.domain}（${where}）由中华人民共和国境内的接入服务商提供接入。经我司于${when}采集，该网站页面未显示ICP备案编号或经营许可证编号。`,
          ),
          w.tr(
            'Under article 4 of the Measures for the Administration of Internet Information Services, no one may provide internet information services without a licence or a completed filing.',
            '根据《互联网信息服务管理办法》第四条，未取得许可或者未履行备案手续的，不得从事互联网信息服务。',
          ),
          ...(works
            ? [
                w.tr(
                  `The site also makes available, without authorisation, works in which ${w.party} holds the copyright: ${works}.`,
                  `该网站还未经许可提供我司享有著作权的作品：${works}。`,
                ),
              ]
            : []),
        ],
      },
      { id: 'infringing', title: w.tr('Pages concerned', '涉及网页'), paragraphs: [], items: f.infringingUrls },
      {
        id: 'request',
        title: w.tr('Request', '请求事项'),
        paragraphs: [w.tr('We ask you to:', '请依法：')],
        items: [
          w.tr('check the filing status of this website;', '核查该网站的备案情况；'),
          w.tr(
            'deal with it according to law if it has no filing or licence;',
            '对未履行备案手续或未取得许可的，依法予以处理；',
          ),
          w.tr('tell the reporter the outcome.', '将处理结果告知举报人。'),
        ],
      },
      {
        id: 'statements',
        title: w.tr('Guarantee', '保证声明'),
        paragraphs: [
          w.tr(
            `${w.party} guarantees that this report is true and answers for its truth.`,
            '举报人保证所举报内容真实，并对举报内容的真实性负责。',
          ),
        ],
      },
      {
        id: 'evidence',
        title: w.tr('Evidence list', '证据清单'),
        paragraphs: [w.tr('Each file is identified by its SHA-256 hash.', '各证据文件以其SHA-256哈希值标识。')],
        items: f.evidence.map((e) =>
          [
            EVIDENCE_KIND[e.kind][w.lang],
            `${evidenceTimeLabel(e.kind)[w.lang]} ${w.time(e.capturedAt)}`,
            `SHA-256 ${e.sha256}`,
            e.filename,
          ]
            .filter(Boolean)
            .join(' — '),
        ),
      },
    ];
  },
};
