/**
 * The bulk report as a spreadsheet: one row per input line (URL, recipient, notice, status), so a
 * batch where every lookup failed still says, for each URL, why. RFC 4180 with formula-injection
 * neutralised (lib/export/csv.ts): URLs and provider names come from hostile sources.
 */
import { csvField } from '../export/csv';
import type { BulkGroup, GroupRole, Grouping } from './group';

export const SUMMARY_COLUMNS = [
  'url',
  'host',
  'recipient',
  'recipient_role',
  'recipient_email',
  'notice_file',
  'status',
  'detail',
] as const;

export interface GroupOutcome {
  /** File name (CLI) or notice id (extension); empty when nothing was written. */
  notice: string;
  status: string;
  detail?: string;
}

export function bulkSummaryCsv(input: {
  grouping: Grouping;
  role: GroupRole;
  rejected: readonly { line: number; input: string; reason: string; detail?: string }[];
  outcome: (g: BulkGroup) => GroupOutcome;
  excluded?: (g: BulkGroup) => ReadonlySet<string>;
}): string {
  const rows: string[][] = [[...SUMMARY_COLUMNS]];
  for (const g of input.grouping.groups) {
    const r = g.recipient;
    const contact = r.emails.join(' ') || r.formUrl || '';
    const o = input.outcome(g);
    const standIns = new Set(g.standIns);
    const excluded = input.excluded?.(g) ?? new Set<string>();
    for (const url of g.urls) {
      const host = new URL(url).hostname;
      if (excluded.has(url)) {
        rows.push([url, host, r.name, r.role, contact, '', 'excluded', '']);
        continue;
      }
      const note = standIns.has(host) ? `no ${input.role} found; sent to the ${r.role}` : '';
      rows.push([url, host, r.name, r.role, contact, o.notice, o.status, [o.detail, note].filter(Boolean).join('; ')]);
    }
  }
  for (const u of input.grouping.unresolved)
    for (const url of u.urls) rows.push([url, u.host, '', '', '', '', u.reason, u.detail]);
  for (const r of input.rejected)
    rows.push([
      r.input,
      '',
      '',
      '',
      '',
      '',
      `rejected:${r.reason}`,
      `line ${r.line}${r.detail ? `: ${r.detail}` : ''}`,
    ]);
  return `${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}
