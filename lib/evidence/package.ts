/**
 * The evidence package of a notice (issue 15): one ZIP (fflate) that a third party can check with sha256sum and
 * openssl alone. It holds the frozen letter, every capture file, the RFC 3161 tokens (.tsr) with the seal texts
 * they cover and the TSA certificates, the notice's hash-chained history, manifest.json (file, SHA-256, size,
 * capture time, URL), SHA256SUMS for `sha256sum -c`, and README.txt (English and Chinese) saying how.
 * Pure: the caller reads the stores; files whose bytes no longer match their hash never reach this function.
 * Uses pkijs (to tell the TSA's roots from its chain), so only the notice page imports it, never the popup.
 */
import { zipSync, strToU8 } from 'fflate';
import type { StoredFile, StoredTimestamp } from '../db/evidence-repo';
import { evidenceFilename } from '../model/evidence';
import type { Notice, NoticeEvent } from '../model/notice';
import type { Sha256 } from '../tracking/sha256';
import { base64ToBytes } from '../export/base64';
import { packageReadme } from './package-readme';
import { derToPem } from './rfc3161/bytes';
import { selfIssuedRoots } from './rfc3161/roots';

export interface PackageInput {
  notice: Notice;
  events: readonly NoticeEvent[];
  /** The capture's stored files (page artefacts; timestamp records are left out here and taken from `stamps`). */
  captureFiles: readonly StoredFile[];
  /** This notice's own files (the SMTP delivery .eml and the server's answer, reply files), under notice/. */
  noticeFiles?: readonly StoredFile[];
  /** The capture manifest's timestamps, and the notice's seals. */
  stamps: { manifest: readonly StoredTimestamp[]; seals: readonly StoredTimestamp[] };
  /** The rights holder's documents chosen for this notice. */
  documents?: readonly { filename: string; mime: string; bytes: Uint8Array }[];
  sha256: Sha256;
  now: () => Date;
}

export interface PackageEntry {
  path: string;
  sha256: string;
  size: number;
  kind: string;
  capturedAt?: string;
  url?: string;
}

export interface EvidencePackage {
  zip: Uint8Array;
  filename: string;
  entries: PackageEntry[];
}

const safeName = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 100);

/** Builds the ZIP; every file's SHA-256 is listed in manifest.json and SHA256SUMS. */
export async function buildEvidencePackage(input: PackageInput): Promise<EvidencePackage> {
  const files: Record<string, Uint8Array> = {};
  const entries: PackageEntry[] = [];
  const put = async (path: string, bytes: Uint8Array, meta: Omit<PackageEntry, 'path' | 'sha256' | 'size'>) => {
    files[path] = bytes;
    entries.push({ path, sha256: await input.sha256(bytes), size: bytes.byteLength, ...meta });
  };
  const { notice } = input;

  if (notice.sent) await put('letter.txt', strToU8(notice.sent.text), { kind: 'letter', capturedAt: notice.sent.at });

  for (const f of input.captureFiles) {
    if (f.meta.kind === 'timestamp') continue;
    await put(`evidence/${evidenceFilename(f.meta)}`, f.bytes, {
      kind: f.meta.kind,
      capturedAt: f.meta.capturedAt,
      url: f.meta.url,
    });
  }

  for (const f of input.noticeFiles ?? []) {
    const ext = f.meta.note.match(/\.[A-Za-z0-9]{1,8}$/)?.[0] ?? '';
    await put(`notice/${f.meta.kind}-${f.meta.sha256.slice(0, 12)}${ext}`, f.bytes, {
      kind: f.meta.kind,
      capturedAt: f.meta.capturedAt,
    });
  }

  const certs = new Set<string>();
  const roots = new Set<string>();
  const tokens: { path: string; data: string; genTime: string; tsa: string }[] = [];
  const failures: { covers: string; requestedAt: string; reason: string }[] = [];
  const manifestFile = entries.find((e) => e.kind === 'manifest');
  const addStamps = async (list: readonly StoredTimestamp[], prefix: 'manifest' | 'seal') => {
    let n = 0;
    for (const { record } of list) {
      if (record.status !== 'granted') {
        failures.push({ covers: record.covers, requestedAt: record.requestedAt, reason: record.reason });
        continue;
      }
      n++;
      const tsr = `timestamps/${prefix}-${n}.tsr`;
      let data = manifestFile?.path ?? '';
      if (prefix === 'seal') {
        data = `timestamps/seal-${n}.txt`;
        await put(data, strToU8(record.seal ?? ''), { kind: 'seal', capturedAt: record.requestedAt });
      }
      await put(tsr, base64ToBytes(record.token), { kind: 'timestamp', capturedAt: record.genTime });
      tokens.push({ path: tsr, data, genTime: record.genTime, tsa: record.tsa });
      const rootPems = new Set(selfIssuedRoots(record.certificates).map((der) => derToPem(der)));
      for (const pem of record.certificates) (rootPems.has(pem) ? roots : certs).add(pem);
    }
  };
  await addStamps(input.stamps.manifest, 'manifest');
  await addStamps(input.stamps.seals, 'seal');
  if (certs.size > 0) await put('timestamps/tsa-chain.pem', strToU8([...certs].join('')), { kind: 'certificates' });
  if (roots.size > 0) await put('timestamps/tsa-root.pem', strToU8([...roots].join('')), { kind: 'certificates' });

  for (const d of input.documents ?? []) {
    await put(`documents/${safeName(d.filename)}`, d.bytes, { kind: 'document' });
  }

  const history = {
    format: 'takedown-history/1',
    notice: {
      id: notice.id,
      status: notice.status,
      sentAt: notice.sentAt,
      textSha256: notice.sent?.textSha256 ?? null,
    },
    note: 'Each event hash is SHA-256 of the canonical JSON of the event without its hash; prevHash links the chain.',
    events: input.events,
  };
  await put('history.json', strToU8(JSON.stringify(history, null, 2)), { kind: 'history' });

  const manifest = {
    format: 'takedown-evidence-package/1',
    createdAt: input.now().toISOString(),
    notice: { id: notice.id, host: notice.host, urls: notice.urls, recipient: notice.sent?.recipient.name ?? '' },
    hashAlgorithm: 'SHA-256',
    files: entries.map((e) => ({ ...e })),
    timestamps: tokens,
    timestampFailures: failures,
  };
  files['manifest.json'] = strToU8(JSON.stringify(manifest, null, 2));
  const sums = entries.map((e) => `${e.sha256}  ${e.path}\n`).join('');
  files['SHA256SUMS'] = strToU8(sums);
  files['README.txt'] = strToU8(
    packageReadme({ noticeId: notice.id, tokens, hasRoot: roots.size > 0, hasChain: certs.size > 0, failures }),
  );

  const zip = zipSync(files, { level: 6, mtime: input.now() });
  return { zip, filename: `takedown-evidence-${safeName(notice.host)}-${notice.id.slice(0, 8)}.zip`, entries };
}
