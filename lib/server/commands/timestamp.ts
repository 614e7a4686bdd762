import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { AppError } from '../../errors';
import { TimestampError } from '../../evidence/rfc3161/verify';
import { createTimestampService } from '../tsa/service';
import type { CliCommand } from './types';

const USAGE = 'usage: cli timestamp <file> [--tsa <url>] [--out <file.tsr>] [--ca <root.pem>]\n';
const UrlSchema = z.url({ protocol: /^https?$/ });

/**
 * `cli timestamp <file>`: SHA-256 of the file, an RFC 3161 token for it from --tsa or TAKEDOWN_TSA_URL, written
 * as the DER TimeStampResp (default `<file>.tsr`); prints {sha256, genTime, serialNumber, policy, tsa}.
 * Exit 0 written; 2 bad input (no file, no TSA, bad URL); 1 TSA unreachable; 3 the TSA's reply was refused.
 */
export const timestamp: CliCommand = {
  summary: 'get an RFC 3161 timestamp token for a file',
  async run(args, io) {
    let parsed;
    try {
      parsed = parseArgs({
        args,
        options: { tsa: { type: 'string' }, out: { type: 'string' }, ca: { type: 'string' } },
        allowPositionals: true,
        strict: true,
      });
    } catch (err) {
      io.stderr.write(`${(err as Error).message}\n${USAGE}`);
      return 2;
    }
    const [file] = parsed.positionals;
    if (parsed.positionals.length !== 1 || file === undefined) {
      io.stderr.write(USAGE);
      return 2;
    }
    const url = parsed.values.tsa ?? io.env.TAKEDOWN_TSA_URL;
    if (!url || !UrlSchema.safeParse(url).success) {
      io.stderr.write(
        `${url ? `invalid TSA URL: ${url}` : 'no TSA: pass --tsa <url> or set TAKEDOWN_TSA_URL'}\n${USAGE}`,
      );
      return 2;
    }
    let data: Buffer;
    try {
      data = await readFile(file);
    } catch (err) {
      io.stderr.write(`cannot read ${file}: ${(err as Error).message}\n`);
      return 2;
    }
    let service;
    try {
      service = createTimestampService({ url, caFile: parsed.values.ca ?? io.env.TAKEDOWN_TSA_CA });
    } catch (err) {
      io.stderr.write(`${(err as Error).message}\n`);
      return 2;
    }
    const sha256 = createHash('sha256').update(data).digest('hex');
    try {
      const t = await service.timestamp(sha256);
      const out = parsed.values.out ?? `${file}.tsr`;
      await writeFile(out, t.response);
      io.stdout.write(
        `${JSON.stringify({ sha256, genTime: t.genTime, serialNumber: t.serialNumber, policy: t.policy, tsa: t.tsa })}` +
          '\n',
      );
      return 0;
    } catch (err) {
      if (err instanceof TimestampError) {
        io.stderr.write(`token refused (${err.reason}): ${err.message}\n`);
        return 3;
      }
      if (err instanceof AppError) {
        io.stderr.write(`${err.message}\n`);
        return 1;
      }
      throw err;
    }
  },
};
