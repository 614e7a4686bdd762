import { services } from '../../lib/db/services';
import { AppError } from '../../lib/errors';
import type { Letterhead } from '../../lib/model/letterhead';
import type { Notice } from '../../lib/model/notice';
import type { NoticeDraft } from '../../lib/notices/draft';
import { mailtoFor } from '../../lib/notices/mailto';
import { renderEml } from '../../lib/notices/render-eml';

function download(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

const safeName = (s: string) => s.replace(/[^A-Za-z0-9.-]+/g, '_').slice(0, 60) || 'notice';

/**
 * A mailto: link when the letter fits in one; otherwise an .eml with the notice's own evidence
 * attached (the one rule: its page capture, never a reply recorded on another notice).
 */
export async function sendByEmail(
  notice: Notice,
  draft: NoticeDraft,
  letterhead: Letterhead | null,
): Promise<'email' | 'eml'> {
  const to = notice.recipient?.emails ?? [];
  const mailto = mailtoFor(draft, to);
  // The rights holder's documents (issue 15) can only travel as attachments: then the .eml it is.
  if ('url' in mailto && notice.documentIds.length === 0) {
    window.open(mailto.url, '_self');
    return 'email';
  }
  const { files, problems } = await services().evidence.attachmentsFor(notice);
  if (problems.length > 0) {
    throw new AppError(
      'storage',
      `Evidence could not be attached: ${problems.map((p) => `${p.name} (${p.reason})`).join(', ')}`,
      { problems },
    );
  }
  const documents = await services().documents.files(notice.documentIds);
  const attachments = [
    ...files.map((f) => ({ filename: f.filename, mime: f.mime, bytes: f.bytes })),
    ...documents.map((d) => ({ filename: d.meta.filename, mime: d.meta.mime, bytes: d.bytes })),
  ];
  const eml = renderEml(draft, {
    from: letterhead?.email ?? '',
    to,
    attachments,
    now: () => new Date(),
    messageId: `${notice.id}@takedown.invalid`,
  });
  download(new Blob([eml], { type: 'message/rfc822' }), `notice-${safeName(notice.host)}-${notice.id.slice(0, 8)}.eml`);
  return 'eml';
}

export function mailtoFits(notice: Notice, draft: NoticeDraft): boolean {
  return notice.documentIds.length === 0 && 'url' in mailtoFor(draft, notice.recipient?.emails ?? []);
}

/** Prints the letter (already escaped HTML with its print stylesheet) from a sandboxed frame: "Save as PDF". */
export function printLetter(draft: NoticeDraft) {
  const frame = document.createElement('iframe');
  frame.setAttribute('sandbox', 'allow-modals allow-same-origin');
  frame.style.position = 'fixed';
  frame.style.width = '0';
  frame.style.height = '0';
  frame.style.border = '0';
  frame.srcdoc = draft.html;
  frame.onload = () => {
    frame.contentWindow?.print();
    setTimeout(() => frame.remove(), 60_000);
  };
  document.body.append(frame);
}
