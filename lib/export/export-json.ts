import type { Evidence } from '../model/evidence';
import type { Letter } from '../model/letter';
import type { Notice, NoticeEvent } from '../model/notice';
import type { Work } from '../model/work';
import type { RightsDocument } from '../model/rights-document';
import { bytesToBase64 } from './base64';
import { EXPORT_FORMAT, EXPORT_SCHEMA_VERSION, type ExportFile } from './export-format';

export interface ExportSnapshot {
  notices: Notice[];
  events: NoticeEvent[];
  evidence: Evidence[];
  works: Work[];
  settings: { key: string; value: unknown }[];
  /** Whole rows: a bulk report's resumable state (kind, updatedAt, bulk) is exported with it. */
  batches: ExportFile['batches'];
  letters: Letter[];
  letterEvents: NoticeEvent[];
  /** The rights holder's documents (issue 15), bytes included. */
  documents?: RightsDocument[];
}

/** Builds the export document; events are ordered by notice then seq, which import verifies. */
export async function buildExport(s: ExportSnapshot, exportedAt: Date): Promise<ExportFile> {
  const evidence = [];
  for (const { blob, ...meta } of s.evidence) {
    evidence.push({ ...meta, data: bytesToBase64(new Uint8Array(await blob.arrayBuffer())) });
  }
  const documents = [];
  for (const { blob, ...meta } of s.documents ?? []) {
    documents.push({ ...meta, data: bytesToBase64(new Uint8Array(await blob.arrayBuffer())) });
  }
  const bySeq = (xs: NoticeEvent[]) =>
    [...xs].sort((a, b) => (a.noticeId === b.noticeId ? a.seq - b.seq : a.noticeId < b.noticeId ? -1 : 1));
  return {
    format: EXPORT_FORMAT,
    schemaVersion: EXPORT_SCHEMA_VERSION,
    exportedAt: exportedAt.toISOString(),
    notices: s.notices,
    events: bySeq(s.events),
    evidence,
    works: s.works,
    settings: s.settings,
    batches: s.batches,
    letters: s.letters,
    letterEvents: bySeq(s.letterEvents),
    documents,
  };
}

export async function serializeExport(s: ExportSnapshot, exportedAt: Date): Promise<string> {
  return JSON.stringify(await buildExport(s, exportedAt));
}
