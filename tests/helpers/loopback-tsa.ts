/**
 * A real RFC 3161 time-stamping authority on 127.0.0.1, built from Debian's openssl (`openssl ts -reply`):
 * a throwaway root, a TSA certificate (extendedKeyUsage=critical,timeStamping) and a certificate without that
 * usage are made at start in a temp dir, and every query is answered by openssl itself, so our client is
 * checked against an independent implementation.
 *
 *   const tsa = await startLoopbackTsa();
 *   tsa.url; tsa.files.root;                 // http://127.0.0.1:<port>/  and root.crt for -CAfile
 *   tsa.setMode('wrong-nonce');              // faults: 503, wrong-nonce, wrong-imprint, no-eku, garbage, 503-once
 *   await tsa.close();
 *
 * openssl runs through the async execFile: a sync call would block the event loop this server and the
 * client under test share (docs/test-rigs.md §2).
 */
import http from 'node:http';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { AddressInfo } from 'node:net';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { toArrayBuffer } from '../../lib/evidence/rfc3161/bytes';

const run = promisify(execFile);

export type TsaMode = 'ok' | '503' | '503-once' | 'wrong-nonce' | 'wrong-imprint' | 'no-eku' | 'garbage';

export interface LoopbackTsa {
  url: string;
  dir: string;
  files: { root: string; otherRoot: string; tsaCert: string; noEkuCert: string; config: string };
  setMode(mode: TsaMode): void;
  /** Requests received (faults included). */
  requests(): number;
  close(): Promise<void>;
}

export async function openssl(args: string[], cwd: string): Promise<string> {
  const { stdout } = await run('openssl', args, { cwd, maxBuffer: 16 * 1024 * 1024 });
  return stdout;
}

const TS_CONFIG = (dir: string) => `
[ tsa ]
default_tsa = tsa_config1

[ tsa_config1 ]
dir = ${dir}
serial = ${dir}/tsaserial
crypto_device = builtin
signer_digest = sha256
default_policy = 1.3.6.1.4.1.99999.1.1
other_policies = 1.3.6.1.4.1.99999.1.2
digests = sha256, sha384, sha512
accuracy = secs:1
ordering = yes
tsa_name = yes
ess_cert_id_chain = no
ess_cert_id_alg = sha256
`;

async function makeCertificates(dir: string) {
  const root = (name: string, subject: string) => [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    `${name}.key`,
    '-out',
    `${name}.crt`,
    '-days',
    '3',
    '-subj',
    subject,
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  ];
  await Promise.all([
    openssl(root('root', '/CN=Loopback Test Root/O=Takedown Tests'), dir),
    openssl(root('other-root', '/CN=Some Other Root/O=Takedown Tests'), dir),
  ]);
  const leaf = async (name: string, subject: string, ext: string, serial: string) => {
    await writeFile(path.join(dir, `${name}.ext`), ext);
    await openssl(
      ['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', subject],
      dir,
    );
    await openssl(
      [
        'x509',
        '-req',
        '-in',
        `${name}.csr`,
        '-CA',
        'root.crt',
        '-CAkey',
        'root.key',
        '-set_serial',
        serial,
        '-days',
        '2',
        '-extfile',
        `${name}.ext`,
        '-out',
        `${name}.crt`,
      ],
      dir,
    );
  };
  const base =
    'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,nonRepudiation\nsubjectKeyIdentifier=hash\n' +
    'authorityKeyIdentifier=keyid\n';
  await Promise.all([
    leaf('tsa', '/CN=Loopback TSA/O=Takedown Tests/C=CN', `${base}extendedKeyUsage=critical,timeStamping\n`, '0x1001'),
    leaf('noeku', '/CN=Not A TSA/O=Takedown Tests', base, '0x1002'),
  ]);
  await writeFile(path.join(dir, 'tsaserial'), '01\n');
  await writeFile(path.join(dir, 'ts.cnf'), TS_CONFIG(dir));
}

/** Rewrites the query's nonce or imprint so openssl answers a different request than the client sent. */
function tamperQuery(der: Buffer, what: 'nonce' | 'imprint'): Uint8Array {
  const req = pkijs.TimeStampReq.fromBER(toArrayBuffer(der));
  if (what === 'nonce')
    req.nonce = new asn1js.Integer({ valueHex: toArrayBuffer(Uint8Array.of(0x42, 0x42, 0x42, 0x42)) });
  else req.messageImprint.hashedMessage = new asn1js.OctetString({ valueHex: new Uint8Array(32).fill(0xab).buffer });
  return new Uint8Array(req.toSchema().toBER(false));
}

/**
 * A well-formed granted reply signed by a certificate WITHOUT the timeStamping usage. openssl ts -reply refuses
 * such a signer, so the TSTInfo openssl made is re-signed with `openssl cms -sign -cades` (which adds the ESS
 * signing-certificate-v2 attribute, as a TSA would) and wrapped in a TimeStampResp.
 */
async function resignWithoutEku(dir: string, reply: Buffer): Promise<Uint8Array> {
  const resp = pkijs.TimeStampResp.fromBER(toArrayBuffer(reply));
  const sd = new pkijs.SignedData({ schema: resp.timeStampToken!.content });
  await writeFile(path.join(dir, 'tst.der'), new Uint8Array(sd.encapContentInfo.eContent!.getValue()));
  await openssl(
    [
      'cms',
      '-sign',
      '-binary',
      '-nodetach',
      '-in',
      'tst.der',
      '-outform',
      'DER',
      '-econtent_type',
      'id-smime-ct-TSTInfo',
      '-signer',
      'noeku.crt',
      '-inkey',
      'noeku.key',
      '-md',
      'sha256',
      '-cades',
      '-nosmimecap',
      '-out',
      'noeku-token.der',
    ],
    dir,
  );
  const token = pkijs.ContentInfo.fromBER(toArrayBuffer(await readFile(path.join(dir, 'noeku-token.der'))));
  const wrapped = new pkijs.TimeStampResp({
    status: new pkijs.PKIStatusInfo({ status: pkijs.PKIStatus.granted }),
    timeStampToken: token,
  });
  return new Uint8Array(wrapped.toSchema().toBER(false));
}

export async function startLoopbackTsa(): Promise<LoopbackTsa> {
  const dir = await mkdtemp(path.join(tmpdir(), 'takedown-tsa-'));
  await makeCertificates(dir);
  let mode: TsaMode = 'ok';
  let count = 0;
  let seq = 0;
  // openssl increments the serial file; one reply at a time keeps it consistent.
  let queue: Promise<unknown> = Promise.resolve();

  const answer = async (query: Buffer): Promise<Uint8Array> => {
    const n = ++seq;
    const q = `q${n}.tsq`;
    const r = `r${n}.tsr`;
    const sent =
      mode === 'wrong-nonce'
        ? tamperQuery(query, 'nonce')
        : mode === 'wrong-imprint'
          ? tamperQuery(query, 'imprint')
          : query;
    await writeFile(path.join(dir, q), sent);
    await openssl(
      ['ts', '-reply', '-queryfile', q, '-signer', 'tsa.crt', '-inkey', 'tsa.key', '-config', 'ts.cnf', '-out', r],
      dir,
    );
    const reply = await readFile(path.join(dir, r));
    return mode === 'no-eku' ? resignWithoutEku(dir, reply) : reply;
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      count++;
      if (req.method !== 'POST' || !String(req.headers['content-type']).startsWith('application/timestamp-query')) {
        res.writeHead(400, { 'content-type': 'text/plain' }).end('expected POST application/timestamp-query');
        return;
      }
      if (mode === '503' || mode === '503-once') {
        if (mode === '503-once') mode = 'ok';
        res.writeHead(503, { 'content-type': 'text/html' }).end('<h1>Service Unavailable</h1>');
        return;
      }
      if (mode === 'garbage') {
        res.writeHead(200, { 'content-type': 'application/timestamp-reply' }).end('<html>not a reply</html>');
        return;
      }
      const job = queue.then(() => answer(Buffer.concat(chunks)));
      queue = job.catch(() => undefined);
      job.then(
        (body) => res.writeHead(200, { 'content-type': 'application/timestamp-reply' }).end(body),
        (err: Error) => res.writeHead(500, { 'content-type': 'text/plain' }).end(err.message),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    dir,
    files: {
      root: path.join(dir, 'root.crt'),
      otherRoot: path.join(dir, 'other-root.crt'),
      tsaCert: path.join(dir, 'tsa.crt'),
      noEkuCert: path.join(dir, 'noeku.crt'),
      config: path.join(dir, 'ts.cnf'),
    },
    setMode(m) {
      mode = m;
    },
    requests: () => count,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(dir, { recursive: true, force: true });
    },
  };
}
