import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { pemToDers } from '../../lib/evidence/rfc3161/bytes';
import { TimestampError, verifyTimestampResponse } from '../../lib/evidence/rfc3161/verify';
import { requestTimestamp } from '../../lib/server/tsa/client';
import { openssl, startLoopbackTsa, type LoopbackTsa } from '../helpers/loopback-tsa';

let tsa: LoopbackTsa;
let root: Uint8Array[];
let otherRoot: Uint8Array[];
const sha = (s: string | Uint8Array) => createHash('sha256').update(s).digest('hex');

beforeAll(async () => {
  tsa = await startLoopbackTsa();
  root = pemToDers(await readFile(tsa.files.root, 'utf8'));
  otherRoot = pemToDers(await readFile(tsa.files.otherRoot, 'utf8'));
}, 60_000);
afterAll(() => tsa?.close());
beforeEach(() => tsa.setMode('ok'));

async function refusal(p: Promise<unknown>): Promise<TimestampError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(TimestampError);
  return err as TimestampError;
}

describe('RFC 3161 client against openssl ts -reply on loopback', () => {
  it('gets a token that our verifier and openssl ts -verify both accept, and that a changed file fails', async () => {
    const file = path.join(tsa.dir, 'evidence.html');
    await writeFile(file, '<html>pirated copy of The River Atlas</html>');
    const digest = sha(await readFile(file));
    const issued = await requestTimestamp(digest, { url: tsa.url, trustedRoots: root });
    expect(issued.chained).toBe(true);
    expect(issued.policy).toBe('1.3.6.1.4.1.99999.1.1');
    expect(issued.tsa).toContain('CN=Loopback TSA');
    expect(Math.abs(Date.parse(issued.genTime) - Date.now())).toBeLessThan(60_000);
    expect(issued.serialNumber).toMatch(/^[0-9a-f]+$/);

    const tsr = path.join(tsa.dir, 'evidence.html.tsr');
    await writeFile(tsr, issued.response);
    const out = await openssl(
      ['ts', '-verify', '-data', file, '-in', tsr, '-CAfile', tsa.files.root, '-untrusted', tsa.files.tsaCert],
      tsa.dir,
    );
    expect(out).toContain('Verification: OK');

    // The stored token still verifies later, without the nonce.
    const again = await verifyTimestampResponse(new Uint8Array(await readFile(tsr)), {
      sha256: digest,
      trustedRoots: root,
    });
    expect(again.serialNumber).toBe(issued.serialNumber);

    await writeFile(file, '<html>pirated copy of The River Atlas!</html>');
    const changed = await refusal(
      verifyTimestampResponse(issued.response, { sha256: sha(await readFile(file)), trustedRoots: root }),
    );
    expect(changed.reason).toBe('wrong-imprint');
    await expect(
      openssl(['ts', '-verify', '-data', file, '-in', tsr, '-CAfile', tsa.files.root], tsa.dir),
    ).rejects.toThrow(/message imprint mismatch/i);
  });

  it('refuses a token that does not chain to the trusted root', async () => {
    const issued = await requestTimestamp(sha('a'), { url: tsa.url });
    expect(issued.chained).toBe(false);
    const err = await refusal(verifyTimestampResponse(issued.response, { sha256: sha('a'), trustedRoots: otherRoot }));
    expect(err.reason).toBe('untrusted');
    expect(err.message).toMatch(/does not chain to the trusted root/);
  });

  it('refuses a reply to another request (swapped nonce)', async () => {
    tsa.setMode('wrong-nonce');
    const err = await refusal(requestTimestamp(sha('b'), { url: tsa.url, trustedRoots: root }));
    expect(err.reason).toBe('wrong-nonce');
  });

  it('refuses a reply for other data (wrong imprint)', async () => {
    tsa.setMode('wrong-imprint');
    const err = await refusal(requestTimestamp(sha('c'), { url: tsa.url, trustedRoots: root }));
    expect(err.reason).toBe('wrong-imprint');
    expect(err.message).toContain(sha('c'));
  });

  it('refuses a token signed by a certificate without the timeStamping usage', async () => {
    tsa.setMode('no-eku');
    const err = await refusal(requestTimestamp(sha('d'), { url: tsa.url, trustedRoots: root }));
    expect(err.reason).toBe('not-a-tsa-certificate');
    expect(err.message).toContain('Not A TSA');
  });

  it('refuses a token whose signature was altered', async () => {
    const issued = await requestTimestamp(sha('s'), { url: tsa.url });
    const altered = issued.response.slice();
    // The SignerInfo's signature is the last field of the reply (no unsigned attributes).
    altered[altered.length - 5]! ^= 0xff;
    const err = await refusal(verifyTimestampResponse(altered, { sha256: sha('s') }));
    expect(err.reason).toBe('bad-signature');
  });

  it('refuses a body that is not a TimeStampResp', async () => {
    tsa.setMode('garbage');
    const err = await refusal(requestTimestamp(sha('e'), { url: tsa.url }));
    expect(err.reason).toBe('malformed');
  });

  it('gives up on a 503 after three tries with a clear error, and recovers from a single 503', async () => {
    tsa.setMode('503');
    const before = tsa.requests();
    const err = await requestTimestamp(sha('f'), { url: tsa.url, backoffMs: 5 }).catch(
      (e: Error & { kind?: string }) => e,
    );
    expect(tsa.requests() - before).toBe(3);
    expect(err).toMatchObject({ kind: 'unavailable' });
    expect((err as Error).message).toMatch(/did not answer after 3 tries \(last: HTTP 503\)/);

    tsa.setMode('503-once');
    const issued = await requestTimestamp(sha('f'), { url: tsa.url, backoffMs: 5, trustedRoots: root });
    expect(issued.sha256).toBe(sha('f'));
  });

  it('says the TSA is unreachable when nothing listens', async () => {
    const err = (await requestTimestamp(sha('g'), { url: 'http://127.0.0.1:1/', backoffMs: 1, tries: 2 }).catch(
      (e: Error) => e,
    )) as Error;
    expect(err.message).toMatch(/did not answer after 2 tries \(last: unreachable/);
  });

  it('refuses a token whose genTime is far from our clock', async () => {
    const err = await refusal(
      requestTimestamp(sha('h'), { url: tsa.url, now: () => new Date(Date.now() + 3_600_000) }),
    );
    expect(err.message).toMatch(/over 10 minutes/);
  });
});
