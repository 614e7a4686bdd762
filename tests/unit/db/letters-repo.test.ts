import { beforeEach, describe, expect, it } from 'vitest';
import { createLettersRepo, type LettersRepo } from '../../../lib/db/letters-repo';
import { createNoticesRepo, type NoticesRepo } from '../../../lib/db/notices-repo';
import { art17LocksFor, icpOfNotice, repeatOfferFor } from '../../../lib/db/practice';
import { openDb, openDbAtVersion, SCHEMA_VERSION, type TakedownDb } from '../../../lib/db/schema';
import { AppError } from '../../../lib/errors';
import { RecipientSchema, type Recipient } from '../../../lib/model/recipient';
import { sha256Hex } from '../../../lib/tracking/sha256';
import { cnActionFiled, repeatLetter, usActionFiled } from '../letters/fixtures';
import { freshDb, freshDbName } from '../../helpers/fresh-db';

const host = RecipientSchema.parse({
  role: 'host',
  name: 'Example Hosting Inc.',
  kind: 'shared',
  emails: ['dmca@host.example'],
  network: { ip: '203.0.113.7' },
});
const pan = RecipientSchema.parse({ role: 'host', name: '某网盘', kind: 'storage', emails: ['ip@pan.example'] });

let dbi: TakedownDb;
let notices: NoticesRepo;
let letters: LettersRepo;
let clock: Date;
let n = 0;

beforeEach(async () => {
  dbi = freshDb('letters');
  await dbi.open();
  clock = new Date('2026-03-04T05:06:07Z');
  const deps = { db: dbi, now: () => clock, newId: () => `id${++n}`, calendar: { timeZone: 'UTC' } };
  notices = createNoticesRepo(deps);
  letters = createLettersRepo({ ...deps, notices });
});

async function sentNotice(r: Recipient, over: { regime?: 'us-dmca' | 'cn'; urls?: string[]; at?: string } = {}) {
  const d = await notices.createDraft({
    urls: over.urls ?? ['https://pirate.example/read/river-atlas'],
    regime: over.regime ?? 'us-dmca',
    recipient: r,
    recipientName: r.name,
  });
  return notices.markSent(d.id, {
    at: over.at ?? '2026-02-20T01:15:00.000Z',
    channel: 'email',
    recipient: r,
    text: `Notice ${d.id}`,
  });
}

async function expectError(p: Promise<unknown>, kind: string): Promise<AppError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).kind).toBe(kind);
    return err as AppError;
  }
  return expect.unreachable();
}

describe('letters repository', () => {
  it('adds version 4 with the letter tables, keeping a version 3 database and its lookup cache', async () => {
    expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(4);
    const name = freshDbName('v3');
    const old = openDbAtVersion(name, 3);
    await old.open();
    await old.settings.put({ key: 'defaults', value: { regime: 'auto', lang: 'en' } });
    await old.lookupCache.put({ ns: 'dns', key: 'example.com', value: ['203.0.113.7'], expires: 1 });
    old.close();
    const reopened = openDb(name);
    await reopened.open();
    expect(reopened.verno).toBe(SCHEMA_VERSION);
    expect(await reopened.settings.get('defaults')).toBeDefined();
    expect(await reopened.lookupCache.count()).toBe(1);
    expect(await reopened.letters.count()).toBe(0);
    expect(await reopened.letterEvents.count()).toBe(0);
  });

  it('upgrades a version 2 database straight to the current version', async () => {
    const name = freshDbName('v2');
    const old = openDbAtVersion(name, 2);
    await old.open();
    await old.settings.put({ key: 'defaults', value: { regime: 'auto', lang: 'en' } });
    old.close();
    const reopened = openDb(name);
    await reopened.open();
    expect(reopened.verno).toBe(SCHEMA_VERSION);
    expect(await reopened.settings.get('defaults')).toBeDefined();
    expect(await reopened.letters.count()).toBe(0);
  });

  it('answers a counter-notice: blocked while incomplete, then sent, frozen, and the notice moves on', async () => {
    const notice = await sentNotice(host);
    await notices.recordEvent(notice.id, 'counter_notice_received');
    const draft = await letters.createDraft({
      followsUp: notice.id,
      facts: usActionFiled({ caseNumber: '', original: { id: notice.id, sentAt: notice.sentAt! } }),
    });
    expect(draft.status).toBe('draft');

    const blocked = await expectError(
      letters.markSent(draft.id, { at: clock.toISOString(), channel: 'email' }),
      'incomplete_notice',
    );
    expect(blocked.message).toContain('case number (17 U.S.C. § 512(g)(2)(C))');
    expect((await letters.getLetter(draft.id))!.status).toBe('draft');

    await letters.saveDraft(draft.id, usActionFiled({ original: { id: notice.id, sentAt: notice.sentAt! } }));
    // A team viewer reads letters but never sends one (issue 19): refused before anything is frozen.
    const asViewer = createLettersRepo({ db: dbi, now: () => clock, notices, maySend: async () => false });
    await expectError(asViewer.markSent(draft.id, { at: clock.toISOString(), channel: 'email' }), 'forbidden');
    expect((await letters.getLetter(draft.id))!.status).toBe('draft');
    await expectError(
      letters.markSent(draft.id, { at: clock.toISOString(), channel: 'email', text: 'something else' }),
      'invalid_input',
    );
    const sent = await letters.markSent(draft.id, { at: clock.toISOString(), channel: 'email' });
    expect(sent.status).toBe('sent');
    expect(sent.sent!.text).toContain('Case number: 2:26-cv-01234');
    expect(sent.sent!.textSha256).toBe(await sha256Hex(sent.sent!.text));
    await expectError(letters.saveDraft(draft.id, usActionFiled()), 'read_only');

    const after = await notices.getTimeline(notice.id);
    expect(after!.notice.status).toBe('removed');
    expect(after!.events.at(-1)).toMatchObject({
      kind: 'suit_filed',
      details: { letterId: draft.id, letterKind: 'us_action_filed' },
    });

    const t = await letters.getTimeline(draft.id);
    expect(t!.events.map((e) => e.kind)).toEqual(['created', 'draft_saved', 'sent']);
    expect(await letters.verifyHistory(draft.id)).toEqual({ ok: true });
    expect(await letters.lettersFor(notice.id)).toHaveLength(1);

    await letters.recordEvent(draft.id, 'acknowledged', { note: 'ticket 42' });
    await expectError(letters.recordEvent(draft.id, 'sent'), 'illegal_transition');
  });

  it('detects an edited letter log', async () => {
    const notice = await sentNotice(host);
    await notices.recordEvent(notice.id, 'counter_notice_received');
    const l = await letters.createDraft({ followsUp: notice.id, facts: usActionFiled() });
    await letters.recordEvent(l.id, 'note', { text: 'called the agent' });
    const e = (await letters.getTimeline(l.id))!.events[1]!;
    await dbi.letterEvents.put({ ...e, details: { text: 'changed' } });
    expect(await letters.verifyHistory(l.id)).toMatchObject({ ok: false, reason: 'edited' });
  });

  it('refuses a counter-notice answer without a counter-notice on record, or under the wrong law', async () => {
    const notice = await sentNotice(host);
    await expectError(letters.createDraft({ followsUp: notice.id, facts: usActionFiled() }), 'invalid_input');
    await notices.recordEvent(notice.id, 'counter_notice_received');
    await expectError(letters.createDraft({ followsUp: notice.id, facts: cnActionFiled() }), 'invalid_input');
    await expectError(letters.createDraft({ followsUp: 'nope', facts: usActionFiled() }), 'not_found');
    await expectError(
      letters.createDraft({ followsUp: notice.id, facts: { kind: 'us_action_filed' } as never }),
      'invalid_input',
    );
  });

  it('a repeat-infringer request cites its notices and is listed on each of them', async () => {
    const a = await sentNotice(host, { urls: ['https://a.example/1'], at: '2026-01-05T10:00:00.000Z' });
    const b = await sentNotice(host, { urls: ['https://b.example/2'], at: '2026-01-20T10:00:00.000Z' });
    expect(await repeatOfferFor(dbi, b, 3)).toBeNull();
    const c = await sentNotice(host, { urls: ['https://c.example/3'], at: '2026-02-11T10:00:00.000Z' });
    const offer = (await repeatOfferFor(dbi, c, 3))!;
    expect(offer.subject).toEqual({ kind: 'ip', value: '203.0.113.7' });
    expect(offer.notices.map((x) => x.id)).toEqual([a.id, b.id, c.id]);
    const l = await letters.createDraft({
      followsUp: c.id,
      relatedNoticeIds: [a.id, b.id, c.id],
      facts: repeatLetter(),
    });
    expect((await letters.lettersFor(a.id)).map((x) => x.id)).toEqual([l.id]);
    await letters.markSent(l.id, { at: clock.toISOString(), channel: 'email' });
    const log = (await notices.getTimeline(c.id))!.events.at(-1)!;
    expect(log).toMatchObject({ kind: 'note', details: { letterId: l.id, letterKind: 'repeat_infringer' } });
    expect((await notices.getNotice(c.id))!.status).toBe('sent');
  });
});

describe('art. 17 lock over stored notices', () => {
  it('locks the same URL to the same storage provider once a counter-statement is recorded', async () => {
    const url = 'https://pan.example/s/abc';
    const first = await sentNotice(pan, { regime: 'cn', urls: [url] });
    const draft = await notices.createDraft({ urls: [url], regime: 'cn', recipient: pan, recipientName: pan.name });
    expect(await art17LocksFor(dbi, { urls: [url], recipient: pan, excludeId: draft.id })).toEqual([]);
    await notices.recordEvent(first.id, 'counter_notice_received');
    const locks = await art17LocksFor(dbi, { urls: [url], recipient: pan, excludeId: draft.id });
    expect(locks).toHaveLength(1);
    expect(locks[0]).toMatchObject({ url, noticeId: first.id, provider: '某网盘' });
    expect(locks[0]!.reason.zh).toContain('不得再就该作品通知');
    expect(await art17LocksFor(dbi, { urls: [url], recipient: host })).toEqual([]);
  });
});

describe('ICP numbers of a stored capture', () => {
  it('reads the numbers from the capture and says when no archive exists', async () => {
    const put = (id: string, kind: 'html' | 'metadata', text: string) =>
      dbi.evidence.add({
        id,
        captureId: 'cap1',
        kind,
        mime: 'text/plain',
        sha256: 'a'.repeat(64),
        size: text.length,
        url: 'https://x.example/',
        capturedAt: clock.toISOString(),
        note: '',
        blob: new Blob([text]),
      });
    expect(await icpOfNotice(dbi, { captureId: null })).toEqual({ archived: false, numbers: [] });
    await put('e1', 'metadata', JSON.stringify({ url: 'https://x.example/' }));
    expect(await icpOfNotice(dbi, { captureId: 'cap1' })).toEqual({ archived: false, numbers: [] });
    await put('e2', 'html', '<footer>京ICP备12345678号-1</footer>');
    expect(await icpOfNotice(dbi, { captureId: 'cap1' })).toEqual({ archived: true, numbers: ['京ICP备12345678号-1'] });
  });
});

describe('art. 17 lock before sending', () => {
  it('refuses with the reason named, and lets an unrelated notice through', async () => {
    const { assertNotLocked } = await import('../../../lib/db/practice');
    const url = 'https://pan.example/s/xyz';
    const first = await sentNotice(pan, { regime: 'cn', urls: [url] });
    await notices.recordEvent(first.id, 'counter_notice_received');
    const again = await notices.createDraft({
      urls: [url],
      regime: 'us-dmca',
      recipient: pan,
      recipientName: pan.name,
    });
    const err = await expectError(assertNotLocked(dbi, again, 'zh'), 'incomplete_notice');
    expect(err.message).toContain('《信息网络传播权保护条例》第十七条');
    expect(err.details.locks).toEqual([{ url, noticeId: first.id }]);
    const other = await notices.createDraft({
      urls: ['https://pan.example/s/other'],
      regime: 'cn',
      recipient: pan,
      recipientName: pan.name,
    });
    await expect(assertNotLocked(dbi, other)).resolves.toBeUndefined();
  });
});
