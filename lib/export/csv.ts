import type { Notice } from '../model/notice';

/**
 * A cell that a spreadsheet would evaluate (=, +, -, @, or a leading tab/CR that some apps strip)
 * gets a leading apostrophe (OWASP "CSV injection"); URLs and names come from hostile pages.
 */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** RFC 4180: quote a field holding a comma, quote, CR or LF, doubling inner quotes. */
export function csvField(value: string): string {
  const v = neutraliseFormula(value);
  return /[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}

export const CSV_COLUMNS = [
  'id',
  'status',
  'created_at',
  'sent_at',
  'follow_up_at',
  'host',
  'url_count',
  'urls',
  'works',
  'recipient',
  'recipient_role',
  'provider_id',
  'channel',
  'regime',
  'lang',
  'text_sha256',
  'supersedes',
  'escalated_from',
  'batch_id',
] as const;

function row(n: Notice): string[] {
  const r = n.sent?.recipient ?? n.recipient;
  return [
    n.id,
    n.status,
    n.createdAt,
    n.sentAt ?? '',
    n.followUpAt ?? '',
    n.host,
    String(n.urls.length),
    n.urls.join('\n'),
    n.workTitles.join('; '),
    r?.name ?? n.recipientName,
    r?.role ?? '',
    r?.providerId ?? '',
    n.sent?.channel ?? '',
    n.regime,
    n.lang,
    n.sent?.textSha256 ?? '',
    n.supersedes ?? '',
    n.escalatedFrom ?? '',
    n.batchId ?? '',
  ];
}

/** One row per notice, CRLF line ends (RFC 4180), header first. */
export function noticesToCsv(notices: readonly Notice[]): string {
  const lines = [CSV_COLUMNS.join(','), ...notices.map((n) => row(n).map(csvField).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}
