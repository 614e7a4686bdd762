import type { EvidenceKind } from '../model/evidence';
import type { Localised } from './elements';

/**
 * How a letter names each kind of evidence file, and what its time means. A notice and a follow-up letter list the
 * same files, so they read them the same way. A capture was taken at its time; a trusted timestamp (RFC 3161) is a
 * token obtained from the authority, so "captured" would misdescribe it to a reader who checks the token's own time.
 */
export const EVIDENCE_KIND: Record<EvidenceKind, Localised> = {
  screenshot: { en: 'screenshot', zh: '网页截图' },
  html: { en: 'page archive (HTML)', zh: '网页存档（HTML）' },
  headers: { en: 'HTTP response headers', zh: 'HTTP响应头记录' },
  metadata: { en: 'capture metadata', zh: '采集元数据' },
  manifest: { en: 'evidence manifest', zh: '证据清单' },
  reply: { en: 'provider reply', zh: '服务商回复' },
  recheck: { en: 'recheck', zh: '复查记录' },
  mhtml: { en: 'single-file page archive (MHTML)', zh: '网页单文件存档（MHTML）' },
  timestamp: { en: 'trusted timestamp (RFC 3161)', zh: '可信时间戳（RFC 3161）' },
  delivery: { en: 'mail server acceptance', zh: '邮件服务器接收记录' },
};

/** The label before an evidence file's time: "captured" for a capture, "obtained" for a timestamp token. */
export const evidenceTimeLabel = (kind: EvidenceKind): Localised =>
  kind === 'timestamp' ? { en: 'obtained', zh: '取得时间' } : { en: 'captured', zh: '采集时间' };
