/**
 * The extension's side of the backend's mail API (issue 18): send the frozen .eml, read the mail status for the
 * options page, fetch replies on the follow-up alarm. Responses are validated against lib/contract.ts.
 */
import {
  DeliveryProofSchema,
  MailStatusSchema,
  RepliesResponseSchema,
  type DeliveryProof,
  type MailStatus,
} from '../contract';
import type { BackendSettings } from '../model/settings';
import { call, parsed, type FetchFn } from './client';

export async function sendViaBackend(settings: BackendSettings, fetchFn: FetchFn, eml: string): Promise<DeliveryProof> {
  const res = await call(settings, fetchFn, 'v1/send', {
    method: 'POST',
    headers: { 'content-type': 'message/rfc822' },
    body: eml,
  });
  return parsed(res, DeliveryProofSchema);
}

export async function mailStatus(settings: BackendSettings, fetchFn: FetchFn): Promise<MailStatus> {
  return parsed(await call(settings, fetchFn, 'v1/mail/status'), MailStatusSchema);
}

export async function fetchReplies(settings: BackendSettings, fetchFn: FetchFn, since: Date | null) {
  const q = since ? `?since=${encodeURIComponent(since.toISOString())}` : '';
  return parsed(await call(settings, fetchFn, `v1/replies${q}`), RepliesResponseSchema);
}

/** A reply's attachment, as the backend re-reads it from the mailbox; the caller checks its hash. */
export async function fetchReplyAttachment(
  settings: BackendSettings,
  fetchFn: FetchFn,
  replyId: string,
  index: number,
): Promise<Uint8Array> {
  const res = await call(settings, fetchFn, `v1/replies/${encodeURIComponent(replyId)}/attachments/${index}`);
  return new Uint8Array(await res.arrayBuffer());
}
