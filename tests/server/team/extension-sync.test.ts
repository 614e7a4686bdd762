/**
 * Issue 19 end to end below the browser: two "browsers" (each its own IndexedDB, written by the extension's real
 * repositories) run the background's team round (lib/team/team-round.ts) against two real team-server instances
 * sharing a private PostgreSQL and Redis. A sent notice reaches the colleague with the analyst's name and its
 * evidence; a notice sent while the server is unreachable waits and is pushed when it is back; PostgreSQL restarted
 * mid-sync loses and duplicates nothing; a viewer can neither send nor push; another backend URL pauses sync.
 */
import pg from 'pg';
import { describe, expect, test } from 'vitest';
import { createTeamRepo } from '../../../lib/db/team-repo';
import type { TakedownDb } from '../../../lib/db/schema';
import type { TeamServer } from '../../../lib/server/team/team-server';
import { canSend, TeamSettingsSchema, TeamSyncStateSchema, type TeamSyncState } from '../../../lib/model/team';
import { sendNotice } from '../../../lib/report/send-notice';
import { teamEvidence, teamMe } from '../../../lib/team/client';
import { createTeamRound } from '../../../lib/team/team-round';
import { planCatalogPull, readTeamCatalog, shareCatalog } from '../../../lib/team/catalog';
import { WorkSchema } from '../../../lib/model/work';
import { LetterheadSchema } from '../../../lib/model/letterhead';
import { createEvidenceRepo } from '../../../lib/db/evidence-repo';
import { sha256Hex } from '../../../lib/tracking/sha256';
import { TEAM_SERVICES, twoInstanceRig } from '../../helpers/team-stack';
import { host, letterhead, recordWorld, works } from '../../unit/db/record-fixtures';

const URL_A = 'http://127.0.0.1:8787';
const team = twoInstanceRig();

/** One browser profile: its record, its team settings and a round through `home` (while `reachable()`). */
async function browser(name: string, role: 'analyst' | 'viewer', home: TeamServer, reachable = () => true) {
  const { token } = await team.rig.addUser(name, role);
  const w = await recordWorld({ idPrefix: `${name}-` });
  const backend = { url: URL_A, token };
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    if (!reachable()) throw new TypeError('fetch failed');
    return home.app.request(input instanceof Request ? input.url : input.toString(), init);
  };
  const me = await teamMe(backend, fetch);
  let membership = TeamSettingsSchema.parse({ enabled: true, url: URL_A, user: me, joinedAt: w.now().toISOString() });
  let state: TeamSyncState = TeamSyncStateSchema.parse({});
  const repo = createTeamRepo({ db: w.db, now: w.now });
  const round = createTeamRound({
    repo,
    backend: async () => backend,
    team: async () => membership,
    state: { read: async () => state, write: async (s) => void (state = s) },
    fetch,
    now: w.now,
  });
  const deps = {
    notices: w.notices,
    evidence: createEvidenceRepo({ db: w.db, now: w.now }),
    now: w.now,
    maySend: async () => canSend(membership),
  };
  /** Sends through the one send path, as the report page does. */
  const send = async () => {
    const d = await w.draft(host);
    return sendNotice(deps, { noticeId: d.id, channel: 'email', letterhead, works });
  };
  return {
    ...w,
    repo,
    round,
    send,
    fetch,
    backend,
    state: () => state,
    setTeam: (t: typeof membership) => void (membership = t),
    team: () => membership,
  };
}

async function count(sql: string): Promise<number> {
  const db = new pg.Client(team.rig.pg.url);
  await db.connect();
  try {
    return Number((await db.query<{ n: string }>(sql)).rows[0]!.n);
  } finally {
    await db.end();
  }
}

const names = (db: TakedownDb) => db.notices.toArray();

describe.skipIf(!TEAM_SERVICES)('the extension’s team sync against two team-server instances', () => {
  test('a sent notice reaches the colleague with the analyst’s name, its log and its evidence', async () => {
    const ada = await browser('Ada', 'analyst', team.a);
    const bob = await browser('Bob', 'analyst', team.b);
    const sent = await ada.send();
    const outA = await ada.round.run();
    expect(outA).toMatchObject({ ran: true, state: { lastRun: { pushed: 1, offline: false, waiting: 0 } } });
    const outB = await bob.round.run();
    expect(outB.ran && outB.state.lastRun!.pulled).toBeGreaterThanOrEqual(1);

    const theirs = await bob.db.notices.get(sent.id);
    expect(theirs?.sent?.textSha256).toBe(sent.sent!.textSha256);
    expect((await bob.notices.verifyHistory(sent.id))?.ok).toBe(true);
    expect((await bob.repo.rows([sent.id])).get(sent.id)).toMatchObject({ origin: 'team', createdBy: 'Ada' });
    // The evidence Ada captured is on the team server: Bob fetches a file by hash through the other instance.
    const row = await bob.repo.get(sent.id);
    expect(row!.evidence.length).toBeGreaterThan(0);
    const file = row!.evidence[0]!;
    const bytes = await teamEvidence(bob.backend, bob.fetch, file.sha256, sha256Hex);
    expect(bytes.byteLength).toBe(file.size);
    // Bob copies the files into his own record: the capture is then his evidence of this notice too, hash-checked.
    const missing = await bob.repo.missingEvidence(sent.id);
    expect(missing).toHaveLength(row!.evidence.length);
    const fetchFile = (sha: string) => teamEvidence(bob.backend, bob.fetch, sha, sha256Hex);
    expect(await bob.repo.copyEvidence(sent.id, fetchFile)).toEqual({ copied: missing.length });
    expect(await bob.repo.missingEvidence(sent.id)).toEqual([]);
    const [bobs, adas] = [bob, ada].map((x) => createEvidenceRepo({ db: x.db, now: x.now }));
    expect(await bobs!.forNotice(theirs!)).toEqual(await adas!.forNotice(sent));
    expect((await bobs!.filesOf(sent.captureId)).problems).toEqual([]);
    // A server that sends other bytes than the hash names is refused, and nothing is stored.
    const other = await browser('Hal', 'analyst', team.b);
    await other.round.run();
    await expect(other.repo.copyEvidence(sent.id, async () => new Uint8Array([1, 2, 3]))).rejects.toMatchObject({
      kind: 'invalid_response',
    });
    expect(await other.db.evidence.bulkGet(missing.map((m) => m.record!.id))).toEqual(missing.map(() => undefined));

    // Bob records the host's acknowledgement on Ada's notice; Ada receives the longer log.
    bob.tick(3);
    await bob.notices.recordEvent(sent.id, 'acknowledged');
    await bob.round.run();
    await ada.round.run();
    expect((await ada.db.notices.get(sent.id))?.status).toBe('acknowledged');
    expect((await ada.repo.get(sent.id))?.updatedBy).toBe('Bob');
    expect(await count(`SELECT count(*) AS n FROM notice_events WHERE notice_id = '${sent.id}'`)).toBe(3);
    // Nothing more to do on either side.
    expect(await ada.repo.pendingIds()).toEqual([]);
    expect(await bob.repo.pendingIds()).toEqual([]);
    expect((await names(bob.db)).map((n) => n.id)).toContain(sent.id);
  });

  test('a notice sent while the server is unreachable waits and is pushed when it is back', async () => {
    let up = true;
    const cy = await browser('Cy', 'analyst', team.b, () => up);
    up = false;
    const sent = await cy.send();
    const off = await cy.round.run();
    expect(off).toMatchObject({ ran: true, state: { lastRun: { pushed: 0, offline: true, waiting: 1 } } });
    expect(await count(`SELECT count(*) AS n FROM notices WHERE id = '${sent.id}'`)).toBe(0);
    up = true;
    expect(await cy.round.run()).toMatchObject({ state: { lastRun: { pushed: 1, offline: false, waiting: 0 } } });
    expect(await count(`SELECT count(*) AS n FROM notices WHERE id = '${sent.id}'`)).toBe(1);
  });

  test('PostgreSQL restarted mid-sync: every notice arrives once', async () => {
    const di = await browser('Di', 'analyst', team.a);
    const sent = [];
    for (let i = 0; i < 5; i++) sent.push(await di.send());
    const during = di.round.run();
    await team.rig.pg.restart();
    await during;
    for (let i = 0; i < 20 && (await di.repo.pendingIds()).length > 0; i++) {
      await new Promise((r) => setTimeout(r, 300));
      await di.round.run();
    }
    expect(await di.repo.pendingIds()).toEqual([]);
    const ids = sent.map((n) => `'${n.id}'`).join(',');
    expect(await count(`SELECT count(*) AS n FROM notices WHERE id IN (${ids})`)).toBe(5);
    expect(await count(`SELECT count(*) AS n FROM notice_events WHERE notice_id IN (${ids})`)).toBe(
      await di.db.events
        .where('noticeId')
        .anyOf(sent.map((n) => n.id))
        .count(),
    );
  });

  test('a viewer cannot send, and a notice a viewer holds is refused by the server with the reason kept', async () => {
    const vi = await browser('Vi', 'viewer', team.b);
    expect(vi.team().user?.role).toBe('viewer');
    await expect(vi.send()).rejects.toMatchObject({ kind: 'forbidden' });
    // A sent notice already in the viewer's record (an import, say) is not accepted by the team server either.
    vi.setTeam({ ...vi.team(), user: { ...vi.team().user!, role: 'analyst' } });
    const sent = await vi.send();
    vi.setTeam({ ...vi.team(), user: { ...vi.team().user!, role: 'viewer' } });
    const out = await vi.round.run();
    expect(out).toMatchObject({ ran: true, state: { lastRun: { pushed: 0, refused: 1 } } });
    expect((await vi.repo.get(sent.id))?.refused?.kind).toBe('forbidden');
    expect(await vi.repo.pendingIds()).toEqual([]);
    expect(await count(`SELECT count(*) AS n FROM notices WHERE id = '${sent.id}'`)).toBe(0);
  });

  test('the works catalog and letterhead: shared by one analyst, used by another, refused to a viewer', async () => {
    const fay = await browser('Fay', 'analyst', team.a);
    const gus = await browser('Gus', 'analyst', team.b);
    const vi = await browser('Vi2', 'viewer', team.b);
    const mine = { works: works.map((w) => WorkSchema.parse(w)), letterhead: LetterheadSchema.parse(letterhead) };
    expect(await shareCatalog(fay.backend, fay.fetch, mine)).toEqual({ works: 2, letterhead: true });
    // Nothing changed: sharing again writes nothing.
    expect(await shareCatalog(fay.backend, fay.fetch, mine)).toEqual({ works: 0, letterhead: false });

    const pulled = planCatalogPull({ works: [], letterhead: null }, await readTeamCatalog(gus.backend, gus.fetch));
    expect(pulled.add.map((w) => w.title).sort()).toEqual(['Moon Quest', 'Starsea']);
    expect(pulled.letterhead?.company).toBe(letterhead.company);

    // Gus corrects a registration number and shares it; Fay's next use of the team's catalog replaces her copy.
    const corrected = { ...mine.works[0]!, registration: 'TX-1-corrected' };
    expect(await shareCatalog(gus.backend, gus.fetch, { works: [corrected], letterhead: null })).toEqual({
      works: 1,
      letterhead: false,
    });
    const again = planCatalogPull(mine, await readTeamCatalog(fay.backend, fay.fetch));
    expect(again).toMatchObject({ add: [], replace: [corrected], sameTitle: 0, letterhead: null });
    // The same work entered separately here (another id) is not listed twice.
    const separately = { ...mine.works[1]!, id: 'typed-in-here' };
    expect(
      planCatalogPull({ works: [separately], letterhead: null }, await readTeamCatalog(fay.backend, fay.fetch)),
    ).toMatchObject({ add: [{ title: 'Starsea' }], sameTitle: 1 });

    await expect(
      shareCatalog(vi.backend, vi.fetch, { works: [{ ...corrected, title: 'Viewer edit' }], letterhead: null }),
    ).rejects.toMatchObject({ kind: 'forbidden' });
    expect(await count(`SELECT count(*) AS n FROM works WHERE data->>'title' = 'Viewer edit'`)).toBe(0);
  });

  test('another backend URL pauses sync until the team is joined there', async () => {
    const ed = await browser('Ed', 'analyst', team.a);
    ed.setTeam({ ...ed.team(), url: 'http://127.0.0.1:9999' });
    expect(await ed.round.run()).toEqual({ ran: false, reason: 'backend_changed' });
    ed.setTeam({ ...ed.team(), enabled: false });
    expect(await ed.round.run()).toEqual({ ran: false, reason: 'not_joined' });
  });
});
