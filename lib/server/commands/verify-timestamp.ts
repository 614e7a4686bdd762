import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { TimestampError, verifyTimestampResponse } from '../../evidence/rfc3161/verify';
import { readRoots } from '../tsa/service';
import type { CliCommand } from './types';

const USAGE = 'usage: cli verify-timestamp <file> <file.tsr> [--ca <root.pem>]\n';

/**
 * `cli verify-timestamp <file> <file.tsr> --ca <root.pem>`: the same checks as `openssl ts -verify -data <file>
 * -in <file.tsr> -CAfile <root.pem>`, plus ESS and EKU, with the reason when one fails.
 * Exit 0 the token covers the file and chains to the root; 1 refused (reason on stderr); 2 bad input (missing
 * file, no root given, a .tsr that is not a TimeStampResp).
 */
export const verifyTimestamp: CliCommand = {
  summary: 'check that an RFC 3161 token (.tsr) covers a file and chains to a root',
  async run(args, io) {
    let parsed;
    try {
      parsed = parseArgs({ args, options: { ca: { type: 'string' } }, allowPositionals: true, strict: true });
    } catch (err) {
      io.stderr.write(`${(err as Error).message}\n${USAGE}`);
      return 2;
    }
    const [file, tsr] = parsed.positionals;
    if (parsed.positionals.length !== 2 || file === undefined || tsr === undefined) {
      io.stderr.write(USAGE);
      return 2;
    }
    const ca = parsed.values.ca ?? io.env.TAKEDOWN_TSA_CA;
    if (!ca) {
      io.stderr.write(`no root to check the chain against: pass --ca <root.pem> or set TAKEDOWN_TSA_CA\n${USAGE}`);
      return 2;
    }
    let data: Buffer;
    let token: Buffer;
    let roots: Uint8Array[];
    try {
      data = await readFile(file);
      token = await readFile(tsr);
      roots = readRoots(ca);
    } catch (err) {
      io.stderr.write(`${(err as Error).message}\n`);
      return 2;
    }
    const sha256 = createHash('sha256').update(data).digest('hex');
    try {
      const t = await verifyTimestampResponse(new Uint8Array(token), { sha256, trustedRoots: roots });
      const result = {
        ok: true,
        sha256,
        genTime: t.genTime,
        serialNumber: t.serialNumber,
        policy: t.policy,
        tsa: t.tsa,
      };
      io.stdout.write(`${JSON.stringify(result)}\n`);
      return 0;
    } catch (err) {
      if (!(err instanceof TimestampError)) throw err;
      io.stderr.write(`not verified (${err.reason}): ${err.message}\n`);
      return err.reason === 'malformed' ? 2 : 1;
    }
  },
};
