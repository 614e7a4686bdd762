import Dexie from 'dexie';
import { z } from 'zod';
import { AppError } from '../errors';
import { firstIssue } from '../zod-issue';
import { LetterSchema, type Letter, type LetterStatus } from '../model/letter';
import { SendChannelSchema, type NoticeEvent } from '../model/notice';
import { blockingReasons } from '../notices/letters/checklist';
import { draftLetter } from '../notices/letters/draft-letter';
import { LetterInputSchema, type LetterInput, type LetterKind } from '../notices/letters/schema';
import { appendEvent, verifyChain, type ChainVerdict } from '../tracking/hash-chain';
import { LETTER_INFO_KINDS, LETTER_TRANSITIONS, letterTarget } from '../tracking/letter-status';
import { sha256Hex, type Sha256 } from '../tracking/sha256';
import type { Actor } from '../tracking/status';
import { createNoticesRepo, type NoticesRepo } from './notices-repo';
import type { TakedownDb } from './schema';

export interface LettersRepoDeps {
  db: TakedownDb;
  now: () => Date;
  newId?: () => string;
  sha256?: Sha256;
  /** The notices repository, to log on the followed notice that a letter went out. */
  notices?: NoticesRepo;
  /** Issue 19: false for a team viewer, who reads but never sends (the same rule as sendNotice). */
  maySend?: () => Promise<boolean>;
}

export const NewLetterSchema = z.object({
  followsUp: z.string().min(1).max(64),
  relatedNoticeIds: z.array(z.string().min(1).max(64)).max(500).default([]),
  facts: LetterInputSchema,
});
export type NewLetter = z.input<typeof NewLetterSchema>;

const SentLetterInputSchema = z.object({
  at: z.iso.datetime({ offset: true }),
  channel: SendChannelSchema,
  text: z.string().optional(),
});
export type SentLetterInput = z.input<typeof SentLetterInputSchema>;

/** Which notices a letter may follow: a counter-notice answer needs the counter-notice on record, under its own law. */
const NEEDS_COUNTER: Partial<Record<LetterKind, 'us-dmca' | 'cn'>> = {
  us_action_filed: 'us-dmca',
  cn_action_filed: 'cn',
};

type Planned = { kind: string; at: string; actor: Actor; details: Record<string, unknown>; textHash?: string };

const MAX_RETRIES = 5;

function parse<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const { path, message } = firstIssue(r.error);
  throw new AppError('invalid_input', `${what}: ${path ? `${path}: ` : ''}${message}`, { path });
}

/**
 * Follow-up letters: drafted from facts, checked before sending, frozen once sent, and logged in
 * a hash chain of their own (the same chain code as notices), linked to the notice they follow.
 */
export function createLettersRepo(deps: LettersRepoDeps) {
  const { db } = deps;
  const sha256 = deps.sha256 ?? sha256Hex;
  const newId = deps.newId ?? (() => globalThis.crypto.randomUUID());
  const notices = deps.notices ?? createNoticesRepo({ db, now: deps.now, newId: deps.newId, sha256 });
  const nowIso = () => deps.now().toISOString();

  async function lastEvent(letterId: string): Promise<NoticeEvent | null> {
    return (
      (await db.letterEvents
        .where('[noticeId+seq]')
        .between([letterId, Dexie.minKey], [letterId, Dexie.maxKey])
        .last()) ?? null
    );
  }

  async function chain(prev: NoticeEvent | null, letterId: string, planned: Planned[]): Promise<NoticeEvent[]> {
    const out: NoticeEvent[] = [];
    for (const p of planned) {
      prev = await appendEvent(prev, { id: newId(), noticeId: letterId, ...p }, sha256);
      out.push(prev);
    }
    return out;
  }

  async function mustGet(id: string): Promise<Letter> {
    const l = await db.letters.get(id);
    if (!l) throw new AppError('not_found', 'This letter no longer exists', { letterId: id });
    return l;
  }

  /**
   * Hashing cannot run inside the IndexedDB transaction, so the change is planned, hashed,
   * then written if nothing moved.
   */
  async function mutate(id: string, plan: (l: Letter) => { letter: Letter; events: Planned[] }): Promise<Letter> {
    for (let attempt = 0; attempt < MAX_RETRIES; attempt++) {
      const before = await mustGet(id);
      const prev = await lastEvent(id);
      const p = plan(before);
      const events = await chain(prev, id, p.events);
      const head = events.at(-1);
      const letter = head ? { ...p.letter, head: { seq: head.seq, hash: head.hash } } : p.letter;
      const written = await db.transaction('rw', [db.letters, db.letterEvents], async () => {
        const now = await db.letters.get(id);
        if (
          !now ||
          now.updatedAt !== before.updatedAt ||
          now.status !== before.status ||
          (now.head?.seq ?? -1) !== (prev?.seq ?? -1)
        )
          return false;
        await db.letters.put(letter);
        await db.letterEvents.bulkAdd(events);
        return true;
      });
      if (written) return letter;
    }
    throw new AppError('storage', 'The letter kept changing while saving; try again', { letterId: id });
  }

  const repo = {
    /**
     * A new draft letter following `followsUp`; a counter-notice answer needs that notice's
     * counter-notice on record.
     */
    async createDraft(input: NewLetter): Promise<Letter> {
      const parsed = parse(NewLetterSchema, input, 'Letter');
      const notice = await db.notices.get(parsed.followsUp);
      if (!notice)
        throw new AppError('not_found', 'The notice this letter follows no longer exists', {
          noticeId: parsed.followsUp,
        });
      const regime = NEEDS_COUNTER[parsed.facts.kind];
      if (regime) {
        const logged = await db.events
          .where('noticeId')
          .equals(notice.id)
          .filter((e) => e.kind === 'counter_notice_received')
          .count();
        if (logged === 0 || notice.regime !== regime) {
          throw new AppError(
            'invalid_input',
            `A ${parsed.facts.kind} letter answers a counter-notice recorded on a ${regime} notice`,
            { noticeId: notice.id, regime: notice.regime },
          );
        }
      }
      const at = nowIso();
      const id = newId();
      const letter = LetterSchema.parse({
        id,
        kind: parsed.facts.kind,
        createdAt: at,
        updatedAt: at,
        status: 'draft',
        followsUp: parsed.followsUp,
        relatedNoticeIds: parsed.relatedNoticeIds,
        recipientName: parsed.facts.recipient.name,
        facts: parsed.facts,
      });
      const events = await chain(null, id, [
        { kind: 'created', at, actor: 'user', details: { followsUp: parsed.followsUp, letterKind: letter.kind } },
      ]);
      const [head] = events;
      if (!head) throw new AppError('internal', 'The letter log could not be started', { letterId: id });
      const stored = { ...letter, head: { seq: head.seq, hash: head.hash } };
      await db.transaction('rw', [db.letters, db.letterEvents], async () => {
        await db.letters.add(stored);
        await db.letterEvents.bulkAdd(events);
      });
      return stored;
    },

    /** Replaces a draft's facts (same kind); a sent letter is read-only. */
    async saveDraft(id: string, facts: LetterInput): Promise<Letter> {
      const parsed = parse(LetterInputSchema, facts, 'Letter');
      return mutate(id, (l) => {
        if (l.status !== 'draft')
          throw new AppError('read_only', 'A sent letter cannot be edited', { letterId: id, status: l.status });
        if (parsed.kind !== l.kind) throw new AppError('invalid_input', 'A letter keeps its kind', { path: 'kind' });
        const at = nowIso();
        const changed = Object.keys(parsed).filter(
          (k) =>
            JSON.stringify((parsed as Record<string, unknown>)[k]) !==
            JSON.stringify((l.facts as Record<string, unknown>)[k]),
        );
        return {
          letter: { ...l, facts: parsed, recipientName: parsed.recipient.name, updatedAt: at },
          events: [{ kind: 'draft_saved', at, actor: 'user', details: { fields: changed.sort() } }],
        };
      });
    },

    /**
     * Freezes what went out. The letter is drafted again here and refused while its checklist
     * blocks, naming each missing element; a text that differs from that draft is refused too.
     */
    async markSent(id: string, input: SentLetterInput): Promise<Letter> {
      if (deps.maySend && !(await deps.maySend()))
        throw new AppError(
          'forbidden',
          'Your team role is viewer: you can read the team’s letters but not send one. Ask a team admin for the analyst role.',
          { letterId: id },
        );
      const sentIn = parse(SentLetterInputSchema, input, 'Sent letter');
      const current = await mustGet(id);
      const d = draftLetter(current.facts, { now: deps.now });
      if (!d.sendable) {
        const missing = blockingReasons(d.checklist);
        throw new AppError('incomplete_notice', `The letter is missing: ${missing.join('; ')}`, {
          letterId: id,
          missing,
        });
      }
      if (sentIn.text !== undefined && sentIn.text !== d.text) {
        throw new AppError(
          'invalid_input',
          'The letter changed since it was shown; check it again before marking it sent',
          { path: 'text' },
        );
      }
      const textSha256 = await sha256(d.text);
      const letter = await mutate(id, (l) => {
        const to = letterTarget(l.status, 'sent');
        if (!to)
          throw new AppError('illegal_transition', `A letter that is ${l.status} cannot be sent`, {
            from: l.status,
            allowed: Object.keys(LETTER_TRANSITIONS[l.status]),
          });
        const at = nowIso();
        return {
          letter: {
            ...l,
            status: to,
            sent: { at: sentIn.at, channel: sentIn.channel, text: d.text, textSha256 },
            sentAt: sentIn.at,
            updatedAt: at,
          },
          events: [
            {
              kind: 'sent',
              at,
              actor: 'user',
              textHash: textSha256,
              details: { from: l.status, to, channel: sentIn.channel, recipient: l.recipientName },
            },
          ],
        };
      });
      await logOnNotice(letter);
      return letter;
    },

    /**
     * A status kind ('acknowledged', 'withdrawn') moves the letter; an info kind ('note',
     * 'reply_received') only appends.
     */
    async recordEvent(
      id: string,
      kind: string,
      details: Record<string, unknown> = {},
      actor: Actor = 'user',
    ): Promise<Letter> {
      const safe = parse(z.record(z.string(), z.unknown()), details, 'Event details');
      return mutate(id, (l) => {
        const at = nowIso();
        if ((LETTER_INFO_KINDS as readonly string[]).includes(kind))
          return { letter: { ...l, updatedAt: at }, events: [{ kind, at, actor, details: safe }] };
        const to: LetterStatus | null = letterTarget(l.status, kind);
        if (!to)
          throw new AppError('illegal_transition', `A letter that is ${l.status} cannot record ${kind}`, {
            from: l.status,
            kind,
            allowed: Object.keys(LETTER_TRANSITIONS[l.status]),
          });
        return {
          letter: { ...l, status: to, updatedAt: at },
          events: [{ kind, at, actor, details: { from: l.status, to, ...safe } }],
        };
      });
    },

    async getLetter(id: string): Promise<Letter | null> {
      return (await db.letters.get(id)) ?? null;
    },

    /** Letters that follow this notice or cite it, newest first. */
    async lettersFor(noticeId: string): Promise<Letter[]> {
      const [following, citing] = await Promise.all([
        db.letters.where('followsUp').equals(noticeId).toArray(),
        db.letters.where('relatedNoticeIds').equals(noticeId).toArray(),
      ]);
      const byId = new Map([...following, ...citing].map((l) => [l.id, l]));
      return [...byId.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    },

    async getTimeline(id: string): Promise<{ letter: Letter; events: NoticeEvent[] } | null> {
      const letter = await db.letters.get(id);
      if (!letter) return null;
      const events = await db.letterEvents
        .where('[noticeId+seq]')
        .between([id, Dexie.minKey], [id, Dexie.maxKey])
        .toArray();
      return { letter, events };
    },

    /** The log's hash chain, the frozen text and the recorded head; null for a deleted letter. */
    async verifyHistory(id: string): Promise<ChainVerdict | null> {
      const t = await repo.getTimeline(id);
      if (!t) return null;
      const textSha256 = t.letter.sent ? await sha256(t.letter.sent.text) : null;
      return verifyChain(t.events, sha256, { textSha256, head: t.letter.head });
    },
  };

  /**
   * The followed notice's log says the letter went out. A counter-notice answer is the notice
   * § 512(g)(2)(C) and art. 1196 speak of, so it moves a counter-noticed notice on ('suit_filed').
   */
  async function logOnNotice(letter: Letter) {
    const n = await db.notices.get(letter.followsUp);
    if (!n) return;
    const details = { letterId: letter.id, letterKind: letter.kind, recipient: letter.recipientName };
    const answersCounter = letter.kind === 'us_action_filed' || letter.kind === 'cn_action_filed';
    if (answersCounter && n.status === 'counter_noticed') await notices.recordEvent(n.id, 'suit_filed', details);
    else await notices.recordEvent(n.id, 'note', details);
  }

  return repo;
}
export type LettersRepo = ReturnType<typeof createLettersRepo>;
