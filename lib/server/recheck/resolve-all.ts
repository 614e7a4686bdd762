import { lookup } from 'node:dns/promises';

/** Every address the system resolver returns for a name (A and AAAA), for the re-check guard. */
export async function resolveAll(hostname: string): Promise<string[]> {
  const answers = await lookup(hostname, { all: true, verbatim: true });
  return answers.map((a) => a.address);
}
