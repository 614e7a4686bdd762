import { BROWSER_ONLY_SETTINGS, SETTINGS, type SettingKey } from '../db/settings';
import { AppError } from '../errors';
import type { Evidence, EvidenceMeta } from '../model/evidence';
import type { Letter } from '../model/letter';
import { NoticeSchema, type ImportMark, type Notice, type NoticeEvent, type NoticeStatus } from '../model/notice';
import type { Work } from '../model/work';
import { isWebUrl } from '../model/recipient';
import { canonicalJson } from '../tracking/canonical-json';
import { verifyChain } from '../tracking/hash-chain';
import { sealMismatchesIn, type SealMismatchFound } from '../evidence/seal-check';
import type { RightsDocument, RightsDocumentMeta } from '../model/rights-document';
import type { Sha256 } from '../tracking/sha256';
import { targetOfKind } from '../tracking/status';
import { base64ToBytes } from './base64';
import { planLetters, type LetterSkipReason, type LocalLetters } from './import-letters';
import { ExportFileSchema, formatPath, type ExportFile } from './export-format';

function refuse(path: string, message: string): never {
  throw new AppError('invalid_input', `Import refused at ${path}: ${message}`, { path });
}

const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** The path of the first key that could reach an object's prototype, or null. */
function prototypeKeyPath(value: unknown, path: (string | number)[] = []): string | null {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = prototypeKeyPath(value[i], [...path, i]);
      if (hit) return hit;
    }
  } else if (value && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      if (PROTOTYPE_KEYS.has(key)) return formatPath([...path, key]);
      const hit = prototypeKeyPath((value as Record<string, unknown>)[key], [...path, key]);
      if (hit) return hit;
    }
  }
  return null;
}

/** The recipient's web form is a link the UI opens: http(s) only, never javascript: or data:. */
function checkLinks(file: ExportFile) {
  file.notices.forEach((n, i) => {
    const form = n.recipient?.formUrl;
    if (form && !isWebUrl(form)) refuse(`notices[${i}].recipient.formUrl`, 'must be an http(s) URL');
  });
}

/** Per notice (or letter), in seq order, an event never happens before the one it follows. */
function checkEventTimes(events: ExportFile['events'], table: 'events' | 'letterEvents') {
  const last = new Map<string, { seq: number; at: number }>();
  const order = events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => (a.e.noticeId < b.e.noticeId ? -1 : a.e.noticeId > b.e.noticeId ? 1 : a.e.seq - b.e.seq));
  for (const { e, i } of order) {
    const at = Date.parse(e.at);
    const prev = last.get(e.noticeId);
    if (prev && at < prev.at)
      refuse(`${table}[${i}].at`, `${e.at} is earlier than the event before it (seq ${prev.seq})`);
    last.set(e.noticeId, { seq: e.seq, at });
  }
}

/** Parses and validates an export; a corrupted or hand-edited file is refused with the first bad path. */
export function parseExport(text: string): ExportFile {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    refuse('(root)', `not JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  const proto = prototypeKeyPath(raw);
  if (proto) refuse(proto, 'this key is not allowed in an export (it could change how objects behave)');
  const r = ExportFileSchema.safeParse(raw);
  if (!r.success) {
    const issue = r.error.issues[0];
    refuse(issue ? formatPath(issue.path) : '', issue?.message ?? 'invalid file');
  }
  checkLinks(r.data);
  checkEventTimes(r.data.events, 'events');
  checkEventTimes(r.data.letterEvents, 'letterEvents');
  return r.data;
}

export type SkipReason =
  | 'sent_notice_differs'
  | 'draft_differs'
  | 'local_is_newer'
  | 'differs_from_local'
  | 'unknown_setting'
  | LetterSkipReason;
export interface Skipped {
  path: string;
  id: string;
  reason: SkipReason;
}
export interface Counts {
  notices: number;
  events: number;
  evidence: number;
  works: number;
  settings: number;
  batches: number;
  letters: number;
  documents: number;
}
export interface ImportReport {
  added: Counts;
  /** Existing notices moved forward by a longer, consistent log from the file. */
  updated: { notices: number };
  /** Identical records already here: importing the same file twice adds nothing. */
  alreadyPresent: Counts;
  skipped: Skipped[];
  /**
   * Issue 15: notices whose sealed (timestamped) history head is not in the imported history: re-hashed after
   * sealing. Imported as they are, but their seal proves nothing for the rewritten log. Absent when none.
   */
  sealMismatches?: SealMismatchFound[];
}

export interface LocalState {
  notices: Map<string, Notice>;
  /** Events of the local notices that the file also has, by notice id, in seq order. */
  events: Map<string, NoticeEvent[]>;
  evidence: Map<string, EvidenceMeta>;
  works: Map<string, Work>;
  settings: Map<string, unknown>;
  batches: Map<string, { id: string; createdAt: string }>;
  letters: LocalLetters;
  /** The rights holder's documents the file also has (issue 15). */
  documents?: Map<string, RightsDocumentMeta>;
}

type BatchRow = ExportFile['batches'][number];
export interface ImportPlan {
  add: {
    notices: Notice[];
    events: NoticeEvent[];
    evidence: Evidence[];
    works: Work[];
    settings: { key: string; value: unknown }[];
    batches: BatchRow[];
    letters: Letter[];
    letterEvents: NoticeEvent[];
    documents: RightsDocument[];
  };
  update: { notices: Notice[] };
  heads: { noticeId: string; seq: number; hash: string }[];
  report: ImportReport;
}

const zero = (): Counts => ({
  notices: 0,
  events: 0,
  evidence: 0,
  works: 0,
  settings: 0,
  batches: 0,
  letters: 0,
  documents: 0,
});
/** Stored records may predate fields added to the model since; compare them as the file would parse them. */
const normalNotice = (n: Notice) => {
  const r = NoticeSchema.safeParse(n);
  return canonicalJson(r.success ? r.data : n);
};
const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);

function uniqueIds(items: readonly { id?: string; key?: string }[], table: string) {
  const seen = new Set<string>();
  items.forEach((it, i) => {
    const id = (it.id ?? it.key)!;
    if (seen.has(id)) refuse(`${table}[${i}]`, `duplicate ${it.id !== undefined ? 'id' : 'key'} ${id}`);
    seen.add(id);
  });
}

/**
 * Decides what an import adds. File integrity problems (a broken event chain, evidence bytes
 * that do not match their hash, a settings value that does not validate) refuse the whole file;
 * conflicts with local data skip that record and say why. Local data is never overwritten,
 * except that a notice moves forward when the file's log extends the local log unchanged.
 */
export async function planImport(
  file: ExportFile,
  local: LocalState,
  sha256: Sha256,
  importedAt: Date,
  fileSha256: string,
): Promise<ImportPlan> {
  // Every event row this import adds says where it came from; the hashed fields stay as the exporter wrote them.
  const mark: ImportMark = { at: importedAt.toISOString(), fileSha256, exportedAt: file.exportedAt };
  const marked = (events: NoticeEvent[]) => events.map((e) => ({ ...e, imported: mark }));
  uniqueIds(file.notices, 'notices');
  uniqueIds(file.events, 'events');
  uniqueIds(file.evidence, 'evidence');
  uniqueIds(file.works, 'works');
  uniqueIds(file.settings, 'settings');
  uniqueIds(file.batches, 'batches');
  uniqueIds(file.documents, 'documents');

  const plan: ImportPlan = {
    add: {
      notices: [],
      events: [],
      evidence: [],
      works: [],
      settings: [],
      batches: [],
      letters: [],
      letterEvents: [],
      documents: [],
    },
    update: { notices: [] },
    heads: [],
    report: { added: zero(), updated: { notices: 0 }, alreadyPresent: zero(), skipped: [] },
  };
  const { report } = plan;

  const noticeIndex = new Map(file.notices.map((n, i) => [n.id, i]));
  const eventsOf = new Map<string, { e: NoticeEvent; i: number }[]>();
  file.events.forEach((e, i) => {
    if (!noticeIndex.has(e.noticeId)) refuse(`events[${i}].noticeId`, `no notice ${e.noticeId} in the file`);
    const list = eventsOf.get(e.noticeId) ?? [];
    list.push({ e, i });
    eventsOf.set(e.noticeId, list);
  });

  for (const [idx, n] of file.notices.entries()) {
    const path = `notices[${idx}]`;
    const list = eventsOf.get(n.id) ?? [];
    const events = list.map((x) => x.e);
    const textSha256 = n.sent ? await sha256(n.sent.text) : null;
    if (n.sent && textSha256 !== n.sent.textSha256)
      refuse(`${path}.sent.text`, 'the text does not match its recorded hash');
    const verdict = await verifyChain(events, sha256, { textSha256 });
    if (!verdict.ok) {
      const at =
        list.find((x) => x.e.seq === verdict.brokenAt && x.e.id === verdict.eventId) ??
        list.find((x) => x.e.id === verdict.eventId);
      refuse(
        at ? `events[${at.i}]` : path,
        `event chain of notice ${n.id} is broken (${verdict.reason} at seq ${verdict.brokenAt})`,
      );
    }
    let status: NoticeStatus = 'draft';
    for (const e of events) status = targetOfKind(status, e.kind) ?? status;
    if (events.length > 0 && status !== n.status)
      refuse(`${path}.status`, `is ${n.status} but its event log ends in ${status}`);

    const mine = local.notices.get(n.id);
    const last = events[events.length - 1];
    if (!mine) {
      plan.add.notices.push(n);
      plan.add.events.push(...marked(events));
      if (last) plan.heads.push({ noticeId: n.id, seq: last.seq, hash: last.hash });
      report.added.notices++;
      report.added.events += events.length;
      continue;
    }
    const localEvents = local.events.get(n.id) ?? [];
    const isPrefix = (a: NoticeEvent[], b: NoticeEvent[]) =>
      a.length <= b.length && a.every((e, i) => e.id === b[i]?.id && e.hash === b[i]?.hash);
    if (normalNotice(mine) === canonicalJson(n) && isPrefix(events, localEvents)) {
      report.alreadyPresent.notices++;
      report.alreadyPresent.events += events.length;
      continue;
    }
    const frozenSame = same(mine.sent, n.sent) && same(mine.urls, n.urls);
    if (mine.sent && !frozenSame) {
      report.skipped.push({ path, id: n.id, reason: 'sent_notice_differs' });
    } else if (
      isPrefix(localEvents, events) &&
      events.length > localEvents.length &&
      (mine.sent === null || frozenSame)
    ) {
      const extra = events.slice(localEvents.length);
      plan.update.notices.push(n);
      plan.add.events.push(...marked(extra));
      if (last) plan.heads.push({ noticeId: n.id, seq: last.seq, hash: last.hash });
      report.updated.notices++;
      report.added.events += extra.length;
      report.alreadyPresent.events += localEvents.length;
    } else if (isPrefix(events, localEvents)) {
      report.skipped.push({ path, id: n.id, reason: 'local_is_newer' });
    } else {
      report.skipped.push({ path, id: n.id, reason: mine.sent || n.sent ? 'sent_notice_differs' : 'draft_differs' });
    }
  }

  for (const [idx, ev] of file.evidence.entries()) {
    const path = `evidence[${idx}]`;
    let bytes: Uint8Array;
    try {
      bytes = base64ToBytes(ev.data);
    } catch {
      refuse(`${path}.data`, 'not valid base64');
    }
    if (bytes.length !== ev.size) refuse(`${path}.size`, `says ${ev.size} bytes but the data has ${bytes.length}`);
    if ((await sha256(bytes)) !== ev.sha256) refuse(`${path}.data`, 'the bytes do not match the recorded SHA-256');
    const { data: _data, ...meta } = ev;
    const mine = local.evidence.get(ev.id);
    if (!mine) {
      plan.add.evidence.push({ ...meta, blob: new Blob([bytes as Uint8Array<ArrayBuffer>], { type: ev.mime }) });
      report.added.evidence++;
    } else if (mine.sha256 === ev.sha256 && same({ ...mine, blob: undefined }, meta)) {
      report.alreadyPresent.evidence++;
    } else {
      report.skipped.push({ path, id: ev.id, reason: 'differs_from_local' });
    }
  }

  const sealMismatches = sealMismatchesIn(file);
  if (sealMismatches.length > 0) report.sealMismatches = sealMismatches;

  for (const [idx, w] of file.works.entries()) {
    const mine = local.works.get(w.id);
    if (!mine) {
      plan.add.works.push(w);
      report.added.works++;
    } else if (same(mine, w)) report.alreadyPresent.works++;
    else report.skipped.push({ path: `works[${idx}]`, id: w.id, reason: 'differs_from_local' });
  }

  for (const [idx, s] of file.settings.entries()) {
    const path = `settings[${idx}]`;
    const schema = (SETTINGS as Record<string, (typeof SETTINGS)[keyof typeof SETTINGS]>)[s.key];
    if (!schema || BROWSER_ONLY_SETTINGS.includes(s.key as SettingKey)) {
      report.skipped.push({ path, id: s.key, reason: 'unknown_setting' });
      continue;
    }
    const r = schema.safeParse(s.value);
    if (!r.success) {
      const issue = r.error.issues[0];
      refuse(
        `${path}.value${issue?.path.length ? `.${formatPath(issue.path)}` : ''}`,
        issue?.message ?? 'invalid value',
      );
    }
    if (!local.settings.has(s.key)) {
      plan.add.settings.push({ key: s.key, value: r.data });
      report.added.settings++;
    } else if (same(local.settings.get(s.key), r.data)) report.alreadyPresent.settings++;
    else report.skipped.push({ path, id: s.key, reason: 'differs_from_local' });
  }

  for (const [idx, b] of file.batches.entries()) {
    const mine = local.batches.get(b.id);
    if (!mine) {
      plan.add.batches.push(b);
      report.added.batches++;
    } else if (same(mine, b)) report.alreadyPresent.batches++;
    else report.skipped.push({ path: `batches[${idx}]`, id: b.id, reason: 'differs_from_local' });
  }

  const letters = await planLetters(file, local.letters, sha256, marked, refuse);
  plan.add.letters = letters.letters;
  plan.add.letterEvents = letters.events;
  report.added.letters = letters.added.letters;
  report.added.events += letters.added.events;
  report.alreadyPresent.letters = letters.alreadyPresent.letters;
  report.alreadyPresent.events += letters.alreadyPresent.events;
  report.skipped.push(...letters.skipped);

  // The rights holder's documents (issue 15): bytes checked against their hash like evidence, never overwritten.
  for (const [idx, d] of file.documents.entries()) {
    const path = `documents[${idx}]`;
    let bytes: Uint8Array;
    try {
      bytes = base64ToBytes(d.data);
    } catch {
      refuse(`${path}.data`, 'not valid base64');
    }
    if (bytes.length !== d.size) refuse(`${path}.size`, `says ${d.size} bytes but the data has ${bytes.length}`);
    if ((await sha256(bytes)) !== d.sha256) refuse(`${path}.data`, 'the bytes do not match the recorded SHA-256');
    const { data: _data, ...meta } = d;
    const mine = local.documents?.get(d.id);
    if (!mine) {
      plan.add.documents.push({ ...meta, blob: new Blob([bytes as Uint8Array<ArrayBuffer>], { type: d.mime }) });
      report.added.documents++;
    } else if (same(mine, meta)) report.alreadyPresent.documents++;
    else report.skipped.push({ path, id: d.id, reason: 'differs_from_local' });
  }
  return plan;
}
