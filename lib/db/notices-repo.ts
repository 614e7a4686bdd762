import { watchQuery } from './watch';
import Dexie from 'dexie';
import { z } from 'zod';
import { AppError } from '../errors';
import { NoticeSchema, SentRecordSchema, type Notice, type NoticeEvent, type NoticeStatus } from '../model/notice';
import { RecipientSchema } from '../model/recipient';
import { suggestRegime } from '../notices/suggest';
import type { CalendarOptions } from '../tracking/business-days';
import { counterNoticeLawFor, counterNoticeWindow, dueFollowUps, followUpDate, isOverdue } from '../tracking/deadlines';
import { escalationCase, type EscalationCase } from '../tracking/escalation';
import { providerStats, type ProviderStats } from '../tracking/stats';
import { appendEvent, verifyChain, type ChainVerdict } from '../tracking/hash-chain';
import { sha256Hex, type Sha256 } from '../tracking/sha256';
import { INFO_EVENT_KINDS, isStatusKind, targetOfKind, transition, type Actor } from '../tracking/status';
import { isNoticeEvidence } from './evidence-rule';
import { hostOf, type ChainHeadRow, type TakedownDb } from './schema';
import { firstIssue } from '../zod-issue';

export interface RepoDeps {
  db: TakedownDb;
  now: () => Date;
  newId?: () => string;
  sha256?: Sha256;
  /** Zone and holidays for follow-up and counter-notice clocks. */
  calendar?: CalendarOptions;
}

/** What the report page hands over; the repository fills in ids, times and status. */
export const DraftInputSchema = NoticeSchema.omit({
  id: true,
  createdAt: true,
  updatedAt: true,
  status: true,
  sent: true,
  sentAt: true,
  followUpAt: true,
}).extend({ host: z.string().max(253).optional() });
export type DraftInput = z.input<typeof DraftInputSchema>;

/** Fields of a draft that may be edited; identity, status and links are not among them. */
export const DraftPatchSchema = DraftInputSchema.omit({
  supersedes: true,
  escalatedFrom: true,
  batchId: true,
}).partial();
export type DraftPatch = z.input<typeof DraftPatchSchema>;

/** One draft's edit within an autosave. */
export interface DraftEdit {
  id: string;
  patch: DraftPatch;
}

export const SentInputSchema = SentRecordSchema.extend({ textSha256: SentRecordSchema.shape.textSha256.optional() });
export type SentInput = z.input<typeof SentInputSchema>;

export interface ListQuery {
  status?: NoticeStatus;
  /** Case-insensitive match on host, recipient, page title, work titles and URLs. */
  search?: string;
  limit?: number;
  offset?: number;
  /** 'overdue_first' puts awaiting notices past their follow-up date on top, most overdue first. */
  order?: 'newest' | 'overdue_first';
  /** Required for 'overdue_first'. */
  now?: Date;
  /** Leaves out drafts without a recipient untouched since then (listed apart: staleDrafts). */
  hideStaleBefore?: Date;
  /** Leaves these notices out (the popup's "only mine" in a team: the colleagues' notices). */
  exclude?: ReadonlySet<string>;
}

export interface Timeline {
  notice: Notice;
  events: NoticeEvent[];
}

export type HistoryVerdict =
  ChainVerdict | { ok: false; brokenAt: number; eventId: null; reason: 'notice_mismatch'; expected: NoticeStatus };

type PlannedEvent = { kind: string; at: string; actor: Actor; details: Record<string, unknown>; textHash?: string };
interface Plan {
  notice: Notice;
  events: PlannedEvent[];
  /** Notices created alongside (a correction or the next rung), each with its own first events. */
  created?: { notice: Notice; events: PlannedEvent[] }[];
}

const MAX_RETRIES = 5;

const parseOrThrow = <T>(schema: z.ZodType<T>, value: unknown, what: string): T => {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const { path, message } = firstIssue(r.error);
  throw new AppError('invalid_input', `${what}: ${path ? `${path}: ` : ''}${message}`, { path });
};

/** Zod 4 fills defaults even for omitted optional keys, so only the keys the caller gave are kept. */
function parsePatch(patch: DraftPatch): Partial<Notice> {
  const full = parseOrThrow(DraftPatchSchema, patch, 'Draft') as Record<string, unknown>;
  return Object.fromEntries(
    Object.keys(patch)
      .filter((k) => k in full && full[k] !== undefined)
      .map((k) => [k, full[k]]),
  );
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function createNoticesRepo(deps: RepoDeps) {
  const { db } = deps;
  const sha256 = deps.sha256 ?? sha256Hex;
  const newId = deps.newId ?? (() => globalThis.crypto.randomUUID());
  const nowIso = () => deps.now().toISOString();

  async function lastEvent(noticeId: string): Promise<NoticeEvent | null> {
    return (
      (await db.events.where('[noticeId+seq]').between([noticeId, Dexie.minKey], [noticeId, Dexie.maxKey]).last()) ??
      null
    );
  }

  async function mustGet(id: string): Promise<Notice> {
    const n = await db.notices.get(id);
    if (!n) throw new AppError('not_found', 'This notice no longer exists', { noticeId: id });
    return n;
  }

  async function chainEvents(
    prev: NoticeEvent | null,
    noticeId: string,
    planned: PlannedEvent[],
  ): Promise<NoticeEvent[]> {
    const out: NoticeEvent[] = [];
    for (const p of planned) {
      prev = await appendEvent(prev, { id: newId(), noticeId, ...p }, sha256);
      out.push(prev);
    }
    return out;
  }

  function urlRows(n: Notice) {
    return n.urls.map((url) => ({ url, noticeId: n.id, host: hostOf(url) }));
  }

  /**
   * Hashing (WebCrypto) cannot run inside an IndexedDB transaction without it committing early,
   * so the plan is built and hashed first, then written if nothing moved in between (else retried).
   */
  async function mutate(id: string, plan: (n: Notice) => Plan | Promise<Plan>): Promise<Plan> {
    for (let attempt = 0; attempt < MAX_RETRIES; attempt++) {
      const before = await mustGet(id);
      const prev = await lastEvent(id);
      const p = await plan(before);
      const events = await chainEvents(prev, id, p.events);
      const created = await Promise.all(
        (p.created ?? []).map(async (c) => ({
          notice: c.notice,
          events: await chainEvents(null, c.notice.id, c.events),
        })),
      );
      const written = await db.transaction('rw', [db.notices, db.events, db.heads, db.urls], async () => {
        const now = await db.notices.get(id);
        const tail = await lastEvent(id);
        if (
          !now ||
          now.updatedAt !== before.updatedAt ||
          now.status !== before.status ||
          (tail?.seq ?? -1) !== (prev?.seq ?? -1)
        )
          return false;
        await db.notices.put(p.notice);
        if (p.notice.urls.join('\n') !== before.urls.join('\n')) {
          await db.urls.where('noticeId').equals(id).delete();
          await db.urls.bulkAdd(urlRows(p.notice));
        }
        await db.events.bulkAdd(events);
        const head = events[events.length - 1];
        if (head) await db.heads.put({ noticeId: id, seq: head.seq, hash: head.hash });
        for (const c of created) await insertNew(c.notice, c.events);
        return true;
      });
      if (written) return p;
    }
    throw new AppError('storage', 'The notice kept changing while saving; try again', { noticeId: id });
  }

  async function insertNew(notice: Notice, events: NoticeEvent[]) {
    await db.notices.add(notice);
    await db.urls.bulkAdd(urlRows(notice));
    await db.events.bulkAdd(events);
    const head = events[events.length - 1];
    if (head) await db.heads.put({ noticeId: notice.id, seq: head.seq, hash: head.hash } satisfies ChainHeadRow);
  }

  /** The page evidence a follow-up notice inherits: the capture's artefacts, never this notice's replies. */
  async function pageEvidenceIds(n: Notice): Promise<string[]> {
    const rows = await db.evidence.bulkGet(n.evidenceIds);
    return rows.flatMap((r) => (r && r.captureId === n.captureId && isNoticeEvidence(r) ? [r.id] : []));
  }

  function newDraft(input: z.output<typeof DraftInputSchema>, at: string): Notice {
    return NoticeSchema.parse({
      ...input,
      id: newId(),
      createdAt: at,
      updatedAt: at,
      status: 'draft',
      host: input.host ?? hostOf(input.urls[0] ?? ''),
      sent: null,
      sentAt: null,
      followUpAt: null,
    });
  }

  const repo = {
    async createDraft(input: DraftInput, actor: Actor = 'user'): Promise<Notice> {
      const parsed = parseOrThrow(DraftInputSchema, input, 'Draft');
      const at = nowIso();
      const notice = newDraft(parsed, at);
      const events = await chainEvents(null, notice.id, [{ kind: 'created', at, actor, details: {} }]);
      await db.transaction('rw', [db.notices, db.events, db.heads, db.urls], () => insertNew(notice, events));
      return notice;
    },

    /** Edits a draft; a sent notice is read-only (a correction is a new notice, createCorrection). */
    async saveDraft(id: string, patch: DraftPatch): Promise<Notice> {
      const parsed = parsePatch(patch);
      const p = await mutate(id, (n) => {
        if (n.status !== 'draft' || n.sent)
          throw new AppError('read_only', 'A sent notice cannot be edited; create a correction instead', {
            noticeId: id,
            status: n.status,
          });
        const fields = Object.keys(parsed).filter((k) => (parsed as Record<string, unknown>)[k] !== undefined);
        const at = nowIso();
        const notice = NoticeSchema.parse({
          ...n,
          ...parsed,
          host: parsed.host ?? (parsed.urls?.[0] ? hostOf(parsed.urls[0]) : n.host),
          updatedAt: at,
        });
        return { notice, events: [{ kind: 'draft_saved', at, actor: 'user', details: { fields: fields.sort() } }] };
      });
      return p.notice;
    },

    /**
     * Autosave for a report page (issue 13): every draft's edit in ONE transaction; a patch that
     * changes nothing is skipped; and the tamper-evident log gets one `draft_saved` per editing
     * session (the page's `session` id), not one per keystroke pause and recipient. The draft's
     * fields themselves are not evidence until sent: `markSent` hashes the exact text.
     */
    async autosave(edits: readonly DraftEdit[], session: string): Promise<Notice[]> {
      const parsed = edits.map((e) => ({ id: e.id, patch: parsePatch(e.patch) }));
      for (let attempt = 0; attempt < MAX_RETRIES; attempt++) {
        const before = await db.notices.bulkGet(parsed.map((e) => e.id));
        const planned: { before: Notice; notice: Notice; prev: NoticeEvent | null; events: NoticeEvent[] }[] = [];
        for (const [i, e] of parsed.entries()) {
          const n = before[i];
          if (!n || n.status !== 'draft' || n.sent) continue;
          const fields = Object.keys(e.patch).filter(
            (k) => !same((n as Record<string, unknown>)[k], (e.patch as Record<string, unknown>)[k]),
          );
          if (fields.length === 0) continue;
          const at = nowIso();
          const next = NoticeSchema.parse({
            ...n,
            ...e.patch,
            host: e.patch.host ?? (e.patch.urls ? hostOf(e.patch.urls[0] ?? '') : n.host),
            updatedAt: at,
          });
          const prev = await lastEvent(n.id);
          const logged = await db.events
            .where('noticeId')
            .equals(n.id)
            .filter((x) => x.kind === 'draft_saved' && x.details.session === session)
            .count();
          const events =
            logged > 0
              ? []
              : await chainEvents(prev, n.id, [
                  { kind: 'draft_saved', at, actor: 'user', details: { session, fields: fields.sort() } },
                ]);
          planned.push({ before: n, notice: next, prev, events });
        }
        if (planned.length === 0) return [];
        const written = await db.transaction('rw', [db.notices, db.events, db.heads, db.urls], async () => {
          for (const p of planned) {
            const now = await db.notices.get(p.before.id);
            const tail = await lastEvent(p.before.id);
            if (!now || now.updatedAt !== p.before.updatedAt || (tail?.seq ?? -1) !== (p.prev?.seq ?? -1)) return false;
          }
          for (const p of planned) {
            await db.notices.put(p.notice);
            if (p.notice.urls.join('\n') !== p.before.urls.join('\n')) {
              await db.urls.where('noticeId').equals(p.notice.id).delete();
              await db.urls.bulkAdd(urlRows(p.notice));
            }
            if (p.events.length > 0) {
              await db.events.bulkAdd(p.events);
              const head = p.events.at(-1);
              if (head) await db.heads.put({ noticeId: p.notice.id, seq: head.seq, hash: head.hash });
            }
          }
          return true;
        });
        if (written) return planned.map((p) => p.notice);
      }
      throw new AppError('storage', 'The drafts kept changing while saving; try again');
    },

    /**
     * Discards a draft that was never sent, with its log (an abandoned right-click, an unpicked
     * recipient). A sent notice is evidence and is refused.
     */
    async deleteDraft(id: string): Promise<void> {
      await db.transaction('rw', [db.notices, db.events, db.heads, db.urls], async () => {
        const n = await db.notices.get(id);
        if (!n) return;
        if (n.status !== 'draft' || n.sent || n.sentAt)
          throw new AppError('read_only', 'Only an unsent draft can be discarded', { noticeId: id, status: n.status });
        await db.notices.delete(id);
        await db.events.where('noticeId').equals(id).delete();
        await db.heads.delete(id);
        await db.urls.where('noticeId').equals(id).delete();
      });
    },

    /** Drafts with no recipient last touched before `before`: abandoned right-clicks, listed apart in the popup. */
    async staleDrafts(before: Date, limit = 50): Promise<Notice[]> {
      const cut = before.toISOString();
      return db.notices
        .where('[status+createdAt]')
        .between(['draft', Dexie.minKey], ['draft', cut])
        .filter((n) => !n.recipient && n.updatedAt < cut)
        .limit(limit)
        .toArray();
    },

    /** Freezes what was sent, appends 'sent' and sets the follow-up date. */
    async markSent(id: string, sentInput: SentInput): Promise<Notice> {
      const input = parseOrThrow(SentInputSchema, sentInput, 'Sent record');
      const textSha256 = await sha256(input.text);
      if (input.textSha256 && input.textSha256 !== textSha256) {
        throw new AppError('invalid_input', 'The text hash does not match the text sent', { path: 'textSha256' });
      }
      const sent = { ...input, textSha256 };
      const p = await mutate(id, (n) => {
        const follow = followUpDate({ recipient: sent.recipient, regime: n.regime }, new Date(sent.at), deps.calendar);
        const t = transition(n, 'sent', { at: deps.now(), actor: 'user', sent, followUpAt: follow.at });
        return {
          notice: t.notice,
          events: [
            {
              ...t.event,
              textHash: textSha256,
              details: {
                ...t.event.details,
                channel: sent.channel,
                recipient: sent.recipient.name,
                ...(sent.attachments?.length
                  ? { attachments: sent.attachments.map((a) => ({ filename: a.filename, sha256: a.sha256 })) }
                  : {}),
                // The mail server's acceptance goes into the same event, so no notice is 'sent' by SMTP without it.
                ...(sent.delivery ? { delivery: sent.delivery } : {}),
                followUpAt: follow.at.toISOString(),
                followUpBasis: follow.basis,
              },
            },
          ],
        };
      });
      return p.notice;
    },

    /**
     * Records something that happened. A status kind ('acknowledged', 'removed', 'rejected',
     * 'counter_notice_received', …) moves the notice through the status machine; an info kind
     * ('note', 'reply_received', 'recheck', …) only appends.
     */
    async recordEvent(
      id: string,
      kind: string,
      details: Record<string, unknown> = {},
      actor: Actor = 'user',
    ): Promise<Notice> {
      const safeDetails = parseOrThrow(z.record(z.string(), z.unknown()), details, 'Event details');
      const p = await mutate(id, (n) => {
        const at = deps.now();
        if ((INFO_EVENT_KINDS as readonly string[]).includes(kind)) {
          return {
            notice: { ...n, updatedAt: at.toISOString() },
            events: [{ kind, at: at.toISOString(), actor, details: safeDetails }],
          };
        }
        if (!isStatusKind(kind)) throw new AppError('invalid_input', `Unknown event kind: ${kind}`, { path: 'kind' });
        const to = targetOfKind(n.status, kind);
        if (!to) {
          throw new AppError('illegal_transition', `A notice that is ${n.status} cannot record ${kind}`, {
            from: n.status,
            kind,
            noticeId: id,
          });
        }
        let followUpAt: Date | undefined;
        let extra: Record<string, unknown> = {};
        if (to === 'counter_noticed') {
          const law = counterNoticeLawFor(n.regime, { ecommercePlatform: safeDetails.ecommercePlatform === true });
          if (law) {
            const w = counterNoticeWindow(law, at, deps.calendar);
            followUpAt = w.earliest;
            extra = {
              window: {
                law,
                earliest: w.earliest.toISOString(),
                latest: w.latest.toISOString(),
                basis: w.basis,
                unverified: w.unverified ?? false,
              },
            };
          }
        } else if (to === 'no_response' || to === 'acknowledged' || to === 'partially_removed') {
          followUpAt = followUpDate(
            { recipient: n.sent?.recipient ?? n.recipient, regime: n.regime },
            at,
            deps.calendar,
          ).at;
        }
        const t = transition(n, to, { at, actor, details: { ...safeDetails, ...extra }, followUpAt });
        return { notice: t.notice, events: [t.event] };
      });
      return p.notice;
    },

    /** Moves to `to` by its declared event kind; the error names the allowed moves. */
    async changeStatus(
      id: string,
      to: NoticeStatus,
      details: Record<string, unknown> = {},
      actor: Actor = 'user',
    ): Promise<Notice> {
      const n = await mustGet(id);
      const t = transition(n, to, { at: deps.now(), actor });
      return repo.recordEvent(id, t.event.kind, details, actor);
    },

    /** A new draft that copies a sent notice and supersedes it; the original stays untouched. */
    async createCorrection(id: string): Promise<Notice> {
      const p = await mutate(id, (n) => {
        if (!n.sent)
          throw new AppError('invalid_input', 'Only a sent notice needs a correction; edit the draft instead', {
            noticeId: id,
          });
        const at = nowIso();
        const {
          id: _id,
          createdAt: _c,
          updatedAt: _u,
          status: _s,
          sent: _sent,
          sentAt: _sa,
          followUpAt: _f,
          ...rest
        } = n;
        const draft = newDraft({ ...rest, supersedes: n.id, escalatedFrom: null }, at);
        return {
          notice: { ...n, updatedAt: at },
          events: [{ kind: 'correction_created', at, actor: 'user', details: { correctionId: draft.id } }],
          created: [{ notice: draft, events: [{ kind: 'created', at, actor: 'user', details: { supersedes: n.id } }] }],
        };
      });
      return p.created![0]!.notice;
    },

    /** The earlier notices of the same case, following escalatedFrom back to the first one. */
    async escalationHistory(id: string): Promise<Notice[]> {
      const out: Notice[] = [];
      let n = await db.notices.get(id);
      const seen = new Set<string>();
      while (n?.escalatedFrom && !seen.has(n.escalatedFrom)) {
        seen.add(n.escalatedFrom);
        n = await db.notices.get(n.escalatedFrom);
        if (n) out.unshift(n);
      }
      return out;
    },

    /**
     * Climbs the ladder: marks this notice escalated and creates the next rung's draft, linked
     * by escalatedFrom. The returned case carries the priorNotices the letter must cite.
     */
    async escalate(id: string): Promise<{ draft: Notice; escalation: EscalationCase }> {
      const history = await repo.escalationHistory(id);
      let escalation: EscalationCase | undefined;
      const p = await mutate(id, async (n) => {
        escalation = escalationCase(n, history);
        const evidenceIds = await pageEvidenceIds(n);
        const at = deps.now();
        const draft = newDraft(
          {
            ...DraftInputSchema.parse({
              urls: n.urls,
              workIds: n.workIds,
              workTitles: n.workTitles,
              pageTitle: n.pageTitle,
              host: n.host,
            }),
            recipient: escalation.recipient,
            recipientName: escalation.recipient.name,
            candidates: n.candidates,
            regime: n.regime,
            lang: n.lang,
            explanation: n.explanation,
            measure: '',
            fairUseConsidered: n.fairUseConsidered,
            evidenceIds,
            captureId: n.captureId,
            escalatedFrom: n.id,
            supersedes: null,
            batchId: n.batchId,
          },
          at.toISOString(),
        );
        const t = transition(n, 'escalated', {
          at,
          actor: 'user',
          details: { nextNoticeId: draft.id, recipient: escalation.recipient.name, role: escalation.recipient.role },
        });
        return {
          notice: t.notice,
          events: [t.event],
          created: [
            {
              notice: draft,
              events: [
                {
                  kind: 'created',
                  at: at.toISOString(),
                  actor: 'user',
                  details: { escalatedFrom: n.id, priorNotices: escalation.priorNotices.map((x) => x.id) },
                },
              ],
            },
          ],
        };
      });
      return { draft: p.created![0]!.notice, escalation: escalation! };
    },

    /**
     * A CDN's reply named the origin host: a new draft addressed to that host, citing the CDN
     * notice (linked by escalatedFrom, so the letter lists it as a prior notice). The CDN notice
     * stays open; its log records the new draft.
     */
    async notifyDisclosedHost(
      id: string,
      host: { name: string; emails?: string[]; formUrl?: string | null; country?: string | null },
    ): Promise<Notice> {
      const recipient = parseOrThrow(
        RecipientSchema,
        {
          role: 'host',
          name: host.name.trim(),
          emails: host.emails ?? [],
          formUrl: host.formUrl ?? null,
          country: host.country ?? null,
          source: 'disclosed',
          confidence: 0.9,
          kind: 'unknown',
        },
        'Disclosed host',
      );
      if (!recipient.name) throw new AppError('invalid_input', 'Name the host the reply disclosed', { path: 'name' });
      const p = await mutate(id, async (n) => {
        if (!n.sent)
          throw new AppError('invalid_input', 'Only a sent notice can lead to the disclosed host', { noticeId: id });
        const at = nowIso();
        const draft = newDraft(
          {
            ...DraftInputSchema.parse({
              urls: n.urls,
              workIds: n.workIds,
              workTitles: n.workTitles,
              pageTitle: n.pageTitle,
              host: n.host,
            }),
            recipient,
            recipientName: recipient.name,
            candidates: [...n.candidates.filter((c) => c.role !== 'host'), recipient],
            regime: n.regimeChosen ? n.regime : suggestRegime(recipient).regime,
            lang: n.lang,
            regimeChosen: n.regimeChosen,
            explanation: n.explanation,
            measure: '',
            fairUseConsidered: n.fairUseConsidered,
            fairUseNote: n.fairUseNote,
            evidenceIds: await pageEvidenceIds(n),
            captureId: n.captureId,
            escalatedFrom: n.id,
            supersedes: null,
            batchId: n.batchId,
          },
          at,
        );
        return {
          notice: { ...n, updatedAt: at },
          events: [
            {
              kind: 'escalation_drafted',
              at,
              actor: 'user',
              details: {
                nextNoticeId: draft.id,
                recipient: recipient.name,
                role: 'host',
                disclosedBy: n.sent.recipient.name,
              },
            },
          ],
          created: [
            {
              notice: draft,
              events: [
                { kind: 'created', at, actor: 'user', details: { escalatedFrom: n.id, disclosedHost: recipient.name } },
              ],
            },
          ],
        };
      });
      const created = p.created?.[0];
      if (!created) throw new AppError('storage', 'The escalation draft was not created; try again.');
      return created.notice;
    },

    /** Null for a deleted notice, so a stale notification click is harmless. */
    async getNotice(id: string): Promise<Notice | null> {
      return (await db.notices.get(id)) ?? null;
    },

    async getTimeline(id: string): Promise<Timeline | null> {
      const notice = await db.notices.get(id);
      if (!notice) return null;
      const events = await db.events.where('[noticeId+seq]').between([id, Dexie.minKey], [id, Dexie.maxKey]).toArray();
      return { notice, events };
    },

    /** Verifies the log's hash chain, the sent text, the recorded head and the notice's status. Null for a deleted notice. */
    async verifyHistory(id: string): Promise<HistoryVerdict | null> {
      const t = await repo.getTimeline(id);
      if (!t) return null;
      const head = (await db.heads.get(id)) ?? null;
      const textSha256 = t.notice.sent ? await sha256(t.notice.sent.text) : null;
      const verdict = await verifyChain(t.events, sha256, { textSha256, head });
      if (!verdict.ok) return verdict;
      let status: NoticeStatus = 'draft';
      for (const e of t.events) status = targetOfKind(status, e.kind) ?? status;
      if (status !== t.notice.status)
        return { ok: false, brokenAt: t.events.length, eventId: null, reason: 'notice_mismatch', expected: status };
      return verdict;
    },

    /** Uses the indexes so the popup stays fast with tens of thousands of notices. */
    async listNotices(q: ListQuery = {}): Promise<Notice[]> {
      const limit = Math.max(0, Math.min(q.limit ?? 50, 1000));
      const offset = Math.max(0, q.offset ?? 0);
      const needle = q.search?.trim().toLowerCase() ?? '';
      const staleCut = q.hideStaleBefore?.toISOString();
      const exclude = q.exclude?.size ? q.exclude : null;
      const matches = (n: Notice) =>
        (!exclude || !exclude.has(n.id)) &&
        (!staleCut || !(n.status === 'draft' && !n.recipient && n.updatedAt < staleCut)) &&
        (!q.status || n.status === q.status) &&
        (!needle ||
          n.host.toLowerCase().includes(needle) ||
          n.recipientName.toLowerCase().includes(needle) ||
          n.pageTitle.toLowerCase().includes(needle) ||
          n.workTitles.some((w) => w.toLowerCase().includes(needle)) ||
          n.urls.some((u) => u.toLowerCase().includes(needle)));
      const newest = () => {
        const base = q.status
          ? db.notices.where('[status+createdAt]').between([q.status, Dexie.minKey], [q.status, Dexie.maxKey]).reverse()
          : db.notices.orderBy('createdAt').reverse();
        return needle || staleCut || exclude ? base.filter(matches) : base;
      };
      if (q.order !== 'overdue_first') return newest().offset(offset).limit(limit).toArray();
      if (!q.now) throw new AppError('invalid_input', 'overdue_first needs the current time', { path: 'now' });
      const now = q.now;
      const overdueOnly = (n: Notice) => isOverdue(n, now) && matches(n);
      const due = () => db.notices.where('followUpAt').belowOrEqual(now.toISOString());
      if (offset === 0) {
        // The followUpAt index is already "most overdue first": the first page reads only as far
        // as it needs, not every overdue notice (the popup's first rows, issue 13).
        const first = await due().filter(overdueOnly).limit(limit).toArray();
        if (first.length === limit) return first;
        const rest = await newest()
          .filter((n) => !isOverdue(n, now))
          .limit(limit - first.length)
          .toArray();
        return [...first, ...rest];
      }
      // Later pages: one read of the overdue notices, then the rest by the newest index.
      const overdue = (await due().toArray())
        .filter(overdueOnly)
        .sort((a, b) => a.followUpAt!.localeCompare(b.followUpAt!));
      const top = overdue.slice(offset, offset + limit);
      if (top.length === limit) return top;
      const skip = new Set(overdue.map((n) => n.id));
      const rest = await newest()
        .filter((n) => !skip.has(n.id))
        .offset(Math.max(0, offset - overdue.length))
        .limit(limit - top.length)
        .toArray();
      return [...top, ...rest];
    },

    /** Awaiting notices whose follow-up date has passed, most overdue first (for alarms). */
    /** Calls back whenever a follow-up date is set or cleared in any page: the background re-checks its badge. */
    onFollowUpsChange(cb: () => void): () => void {
      return watchQuery(() => db.notices.where('followUpAt').above('').primaryKeys(), cb);
    },

    async dueFollowUps(now: Date): Promise<Notice[]> {
      // The index narrows the read; lib/tracking decides what is due and in which order, for every caller alike.
      return dueFollowUps(await db.notices.where('followUpAt').belowOrEqual(now.toISOString()).toArray(), now);
    },

    /** "Which hosts ignore us": per-provider sent, removal rate and median days to removal. */
    async stats(): Promise<ProviderStats[]> {
      const sent = await db.notices.where('sentAt').above('').toArray();
      const events = await db.events
        .where('noticeId')
        .anyOf(sent.map((n) => n.id))
        .toArray();
      return providerStats(sent, events, deps.now());
    },

    /** The notices drafted together (one report session or one bulk report), oldest first. */
    byBatch(batchId: string): Promise<Notice[]> {
      return db.notices.where('batchId').equals(batchId).sortBy('createdAt');
    },

    async bulkGetNotices(ids: readonly string[]): Promise<Map<string, Notice>> {
      return new Map(
        (await db.notices.bulkGet([...ids])).filter((n): n is Notice => n !== undefined).map((n) => [n.id, n]),
      );
    },

    /** Notices linked to this one by a correction or an escalation, in either direction. */
    async related(notice: Notice) {
      const get = async (id: string | null) => (id ? ((await db.notices.get(id)) ?? null) : null);
      const [supersedes, escalatedFrom, correctedBy, escalatedTo] = await Promise.all([
        get(notice.supersedes),
        get(notice.escalatedFrom),
        db.notices.where('supersedes').equals(notice.id).toArray(),
        db.notices.where('escalatedFrom').equals(notice.id).toArray(),
      ]);
      return [
        ...(supersedes ? [{ relation: 'supersedes' as const, notice: supersedes }] : []),
        ...(escalatedFrom ? [{ relation: 'escalatedFrom' as const, notice: escalatedFrom }] : []),
        ...correctedBy.map((n) => ({ relation: 'correctedBy' as const, notice: n })),
        ...escalatedTo.map((n) => ({ relation: 'escalatedTo' as const, notice: n })),
      ];
    },

    /**
     * The sent notices that `messageIds` (angle brackets included) name: an SMTP notice by the Message-ID its
     * delivery recorded, a downloaded .eml by the "<notice id>@takedown.invalid" id it was written with.
     */
    async byMessageIds(messageIds: readonly string[]): Promise<Notice[]> {
      const wanted = new Set(messageIds.map((m) => m.trim().toLowerCase()));
      if (wanted.size === 0) return [];
      const emlIds = messageIds.flatMap((m) => /^<([^<>@\s]+)@takedown\.invalid>$/i.exec(m.trim())?.[1] ?? []);
      const byEml = (await db.notices.bulkGet(emlIds)).filter((n): n is Notice => !!n?.sent);
      const found = new Map(byEml.map((n) => [n.id, n]));
      await db.notices
        .filter((n) => !!n.sent?.delivery && wanted.has(n.sent.delivery.messageId.toLowerCase()))
        .each((n) => void found.set(n.id, n));
      return [...found.values()];
    },

    /** Notices that list this exact URL (bulk reports, re-checks). */
    async noticesForUrl(url: string): Promise<Notice[]> {
      const rows = await db.urls.where('url').equals(url).toArray();
      const ids = [...new Set(rows.map((r) => r.noticeId))];
      return (await db.notices.bulkGet(ids)).filter((n): n is Notice => n !== undefined);
    },
  };
  return repo;
}
export type NoticesRepo = ReturnType<typeof createNoticesRepo>;
