/**
 * Suggests what a reply means for its notice: per-provider rules first, then generic English and Chinese
 * patterns scored per kind (ties go to the more decisive kind: a removal beats an acknowledgement). Only the
 * reply's own words count: quoted copies of our notice ("> …", "On … wrote:", "原始邮件") are cut off first,
 * since a notice quoted back says "remove" and "infringing" too.
 */
import { joinRe } from './join-re';
import { GENERIC_TICKET, providerFor } from './provider-replies';
import type { ParsedReply } from './reply-parse';
import { SUGGESTED_STATUS, type ReplyKind } from './reply-kinds';
import type { ReplyStatus } from '../../tracking/reply';

export interface ReplyClassification {
  kind: ReplyKind;
  suggestedStatus: ReplyStatus | null;
  provider: string | null;
  ticket: string | null;
  /** A rejection's stated reason, or a bounce's diagnostic. */
  reason: string | null;
  /** Bounces: the addresses that failed, to mark in the directory's local overrides. */
  failedRecipients: string[];
  /** What to do next when the status does not move. */
  next: 'try-form-or-upstream' | 'answer-request' | null;
  confidence: 'high' | 'medium' | 'low';
  /** The phrases that decided it, for the user to check. */
  evidence: string[];
}

const QUOTE_START = [
  /^\s*On .{4,200}wrote:\s*$/im,
  /^\s*-{2,}\s*(?:Original Message|Forwarded message|原始邮件|转发的邮件)\s*-{2,}/im,
  /^\s*(?:From|发件人)\s*[:：].+\n\s*(?:Sent|Date|发送时间|时间)\s*[:：]/im,
  /^\s*在\s*.{4,100}写道[:：]\s*$/m,
  /^_{10,}\s*$/m,
];

/** The reply's own text: quoted lines and everything after a quote header removed. */
export function freshText(text: string): string {
  let cut = text.length;
  for (const re of QUOTE_START) {
    const m = re.exec(text);
    if (m && m.index < cut) cut = m.index;
  }
  return text
    .slice(0, cut)
    .split(/\r?\n/)
    .filter((l) => !/^\s*>/.test(l))
    .join('\n')
    .trim();
}

const PATTERNS: Record<Exclude<ReplyKind, 'unknown' | 'bounce'>, RegExp[]> = {
  'counter-notice': [
    /counter[- ]?(?:notice|notification)/i,
    /\b512\s*\(g\)/i,
    /(?:subscriber|customer|user) (?:disputes|contests|has disputed)/i,
    /反通知|不存在侵权(?:行为)?的声明|反通知书/,
  ],
  removed: [
    /\b(?:has|have) been (?:removed|taken down|deleted|disabled)\b/i,
    joinRe(
      'i',
      /\b(?:removed|disabled access to|taken down) the (?:reported |infringing |specified )?/,
      /(?:content|material|files?|urls?|pages?)\b/,
    ),
    joinRe(
      'i',
      /\b(?:content|material|site|website|account|server) (?:is|was|has been) /,
      /(?:no longer (?:available|accessible)|suspended|terminated|disabled)\b/,
    ),
    /\bwe (?:have )?(?:suspended|terminated|null-?routed|disabled)\b/i,
    /已(?:被)?(?:删除|下架|移除|屏蔽|断开(?:链接)?|关闭|封禁)|已处理完毕|处理结果[:：]\s*已处理/,
  ],
  rejected: [
    joinRe(
      'i',
      /\b(?:unable|not able|cannot|can ?not|will not|won't) (?:to )?/,
      /(?:take (?:any )?action|act on|remove|process|assist|help)/,
    ),
    /\bdoes not (?:appear to )?(?:infringe|violate|constitute)/i,
    /\b(?:not|isn't|is not) (?:hosted|located) (?:on|in|within) our (?:network|servers|infrastructure)/i,
    /\b(?:declined?|rejected|denied) (?:your|the) (?:request|notice|complaint|report)\b/i,
    /\b(?:no|not a) valid (?:dmca )?(?:notice|complaint)/i,
    /\bnot (?:a )?(?:legally )?(?:sufficient|valid) (?:dmca )?notice/i,
    /不予(?:处理|受理|支持)|无法(?:处理|受理|支持)|驳回|不属于我司|并非由我(?:司|们)托管|证据不足/,
  ],
  'more-info': [
    /\b(?:please|kindly) (?:provide|send|supply|submit|include|resubmit|clarify|confirm)\b/i,
    /\b(?:additional|more|further|missing) (?:information|details|documentation|evidence)\b/i,
    /\b(?:incomplete|missing the following|is missing|lacks|does not include)\b/i,
    /\bwe (?:need|require)\b/i,
    /请(?:补充|提供|提交|重新提交)|补充(?:材料|资料|证明)|材料不全|信息不完整|缺少/,
  ],
  forwarded: [
    joinRe(
      'i',
      /\b(?:forwarded|passed on|relayed|sent) (?:your |the |this )?/,
      /(?:notice|complaint|report|request)? ?to (?:the|our|its) /,
      /(?:customer|client|account holder|site owner|website owner|hosting provider|responsible party)/,
    ),
    /\b(?:notified|contacted|informed) (?:the|our) (?:customer|client|account holder|site owner)/i,
    /已(?:转交|转达|转发|通知)(?:给)?(?:客户|用户|网站负责人|相关方)|转通知/,
  ],
  acknowledged: [
    /\b(?:we have|we've) received (?:your|the)\b/i,
    /\b(?:thank you|thanks) for (?:your|the) (?:report|notice|complaint|submission|email)/i,
    /\bthis is an automated (?:response|reply|message)|automatic reply|auto-?reply/i,
    /\b(?:ticket|case|report|reference) (?:has been )?(?:created|opened|logged|number|id)\b/i,
    /已收到|已受理|我们将(?:尽快)?(?:处理|核实|审核)|工单/,
  ],
};

/** Precedence for ties: the first listed is the more decisive outcome. */
const ORDER: ReplyKind[] = ['counter-notice', 'removed', 'rejected', 'more-info', 'forwarded', 'acknowledged'];

function findTicket(haystack: string, res: RegExp[]): string | null {
  for (const re of res) {
    const m = re.exec(haystack);
    if (m?.[1]) return m[1];
  }
  return null;
}

function sentenceAround(text: string, index: number): string {
  const flat = text.replace(/\r/g, '');
  const start = Math.max(
    flat.lastIndexOf('. ', index) + 1,
    flat.lastIndexOf('\n\n', index) + 1,
    flat.lastIndexOf('。', index) + 1,
    0,
  );
  const ends = [
    flat.indexOf('. ', index),
    flat.indexOf('.\n', index),
    flat.indexOf('\n\n', index),
    flat.indexOf('。', index),
  ].filter((i) => i >= 0);
  const end = ends.length ? Math.min(...ends) + 1 : flat.length;
  return flat.slice(start, end).replace(/\s+/g, ' ').trim().slice(0, 400);
}

const BOUNCE_SUBJECT = joinRe(
  'i',
  /undeliver|delivery (?:status notification|has failed|failure)|failure notice|returned mail/,
  /|mail delivery failed|退信|投递失败|无法投递/,
);

function isBounce(r: ParsedReply): boolean {
  if (r.dsn && (r.dsn.action ?? '').toLowerCase().startsWith('fail')) return true;
  if (/report-type="?delivery-status/i.test(r.headers['content-type'] ?? '')) return true;
  const daemon = /^(?:mailer-daemon|postmaster|mail-daemon)@/i.test(r.from ?? '');
  return daemon && BOUNCE_SUBJECT.test(r.subject);
}

export function classifyReply(r: ParsedReply): ReplyClassification {
  const provider = providerFor(r.from);
  const own = `${r.subject}\n${freshText(r.text)}`;
  const ticket = (provider?.ticket && findTicket(own, provider.ticket)) || findTicket(own, GENERIC_TICKET);
  const base = {
    provider: provider?.id ?? null,
    ticket,
    failedRecipients: [] as string[],
    reason: null as string | null,
  };

  if (isBounce(r)) {
    const recipients = r.dsn?.recipients.length
      ? r.dsn.recipients
      : [
          ...own.matchAll(
            /<?([^\s<>@]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,})>?[:\s]*(?:\n\s*)?(?:[45]\d\d|host|user unknown)/gi,
          ),
        ].map((m) => m[1]!.toLowerCase());
    return {
      ...base,
      ticket: null,
      kind: 'bounce',
      suggestedStatus: null,
      reason:
        r.dsn?.diagnostic ?? r.dsn?.status ?? (sentenceAround(own, own.search(/\b[45]\d\d\b|user unknown/i)) || null),
      failedRecipients: [...new Set(recipients)],
      next: 'try-form-or-upstream',
      confidence: r.dsn ? 'high' : 'medium',
      evidence: [r.dsn ? `Status: ${r.dsn.status ?? '?'}` : r.subject],
    };
  }

  for (const p of provider?.phrases ?? []) {
    const m = p.re.exec(own);
    if (m) return finish(p.kind, 'high', [m[0]], own, m.index, base);
  }

  const hits = new Map<ReplyKind, { evidence: string[]; first: number }>();
  for (const kind of ORDER) {
    for (const re of PATTERNS[kind as keyof typeof PATTERNS]) {
      const m = re.exec(own);
      if (!m) continue;
      const h = hits.get(kind) ?? { evidence: [], first: m.index };
      h.evidence.push(m[0]);
      h.first = Math.min(h.first, m.index);
      hits.set(kind, h);
    }
  }
  // An automatic acknowledgement often says "we will remove … if"; the auto-reply headers settle it.
  const auto =
    /auto-replied|auto-generated/i.test(r.headers['auto-submitted'] ?? '') ||
    'x-autoreply' in r.headers ||
    'x-autorespond' in r.headers;
  if (auto && !hits.has('removed') && !hits.has('rejected') && !hits.has('more-info')) {
    return finish(
      'acknowledged',
      'high',
      [...(hits.get('acknowledged')?.evidence ?? []), 'Auto-Submitted'],
      own,
      0,
      base,
    );
  }
  let best: ReplyKind = 'unknown';
  let bestScore = 0;
  for (const kind of ORDER) {
    const score = hits.get(kind)?.evidence.length ?? 0;
    if (score > bestScore) [best, bestScore] = [kind, score];
  }
  if (best === 'unknown') {
    return {
      ...base,
      kind: ticket ? 'acknowledged' : 'unknown',
      suggestedStatus: ticket ? 'acknowledged' : null,
      next: null,
      confidence: 'low',
      evidence: ticket ? [ticket] : [],
    };
  }
  const h = hits.get(best)!;
  return finish(best, bestScore >= 2 ? 'high' : 'medium', h.evidence, own, h.first, base);
}

function finish(
  kind: ReplyKind,
  confidence: ReplyClassification['confidence'],
  evidence: string[],
  own: string,
  at: number,
  base: Pick<ReplyClassification, 'provider' | 'ticket' | 'failedRecipients' | 'reason'>,
): ReplyClassification {
  return {
    ...base,
    kind,
    suggestedStatus: SUGGESTED_STATUS[kind],
    reason: kind === 'rejected' ? sentenceAround(own, at) : null,
    next: kind === 'more-info' ? 'answer-request' : null,
    confidence,
    evidence,
  };
}
