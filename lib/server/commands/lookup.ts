import { parseArgs } from 'node:util';
import type { LookupResult } from '../../contract';
import { noteText } from '../../model/note-text';
import { InvalidTarget } from '../lookup-service';
import { withLookupService } from './with-lookup-service';
import type { CliCommand } from './types';

const USAGE = 'usage: cli lookup <url> [--json]\n';

function pad(s: string, n: number): string {
  return s.length >= n ? `${s} ` : s + ' '.repeat(n - s.length);
}

/** The human-readable form: who to write to, in order, then what the lookup could not find. */
export function formatLookupTable(r: LookupResult): string {
  const lines = [
    `${pad('Input', 10)}${r.input}`,
    `${pad('Host', 10)}${r.hostname}${r.registrableDomain ? `  (domain ${r.registrableDomain})` : ''}`,
  ];
  if (r.cdn) lines.push(`${pad('CDN', 10)}${r.cdn.name}  [${r.cdn.evidence.join('; ')}]`);
  lines.push('', 'Addresses');
  if (r.addresses.length === 0) lines.push('  (none)');
  for (const a of r.addresses) {
    const n = a.network;
    lines.push(
      `  ${pad(a.ip, 26)}${pad(a.asn ? `AS${a.asn}` : '-', 10)}${n ? [n.handle, n.name, n.cidr, n.country, n.rir ? `(${n.rir})` : null].filter(Boolean).join('  ') : '-'}`,
    );
  }
  lines.push('', 'Recipients (send in this order)');
  if (r.recipients.length === 0) lines.push('  (none found)');
  r.recipients.forEach((p, i) => {
    const contact =
      [...p.emails, p.formUrl ? `form: ${p.formUrl}` : null].filter(Boolean).join(', ') || 'no contact found';
    lines.push(
      `  ${i + 1}. ${pad(p.role, 10)}${pad(p.name, 32)}${contact}  (confidence ${p.confidence.toFixed(2)}, ${p.source})`,
    );
    for (const note of p.notes) lines.push(`       note: ${noteText(note)}`);
  });
  if (r.errors.length) {
    lines.push('', 'Not found / failed');
    for (const e of r.errors) lines.push(`  ${pad(e.step, 15)}${pad(e.kind, 18)}${e.message}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * `cli lookup <url> [--json]`: exit 0 for any valid input, even when the result is partial (errors[] says
 * what failed); 2 with one line on stderr for invalid input or configuration; 1 for an unexpected failure.
 */
export const lookup: CliCommand = {
  summary: 'look up who hosts a URL and whom to notify',
  async run(args, io) {
    let parsed: ReturnType<
      typeof parseArgs<{ args: string[]; options: { json: { type: 'boolean' } }; allowPositionals: true; strict: true }>
    >;
    try {
      parsed = parseArgs({ args, options: { json: { type: 'boolean' } }, allowPositionals: true, strict: true });
    } catch (err) {
      io.stderr.write(`${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
      return 2;
    }
    if (parsed.positionals.length !== 1) {
      io.stderr.write(USAGE);
      return 2;
    }
    return withLookupService(io, async (service) => {
      try {
        const result = await service.lookup(parsed.positionals[0] ?? '');
        io.stdout.write(parsed.values.json ? `${JSON.stringify(result)}\n` : formatLookupTable(result));
        return 0;
      } catch (err) {
        if (err instanceof InvalidTarget) {
          io.stderr.write(`invalid input (${err.error.kind}): ${err.error.message}\n`);
          return 2;
        }
        io.stderr.write(`lookup failed: ${err instanceof Error ? err.message : String(err)}\n`);
        return 1;
      }
    });
  },
};
