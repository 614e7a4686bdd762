import { describe, expect, it } from 'vitest';
import type { NoticeEvent } from '../../../lib/model/notice';
import { appendEvent, GENESIS_HASH, verifyChain } from '../../../lib/tracking/hash-chain';
import { sha256Hex } from '../../../lib/tracking/sha256';

const TEXT_HASH = 'b'.repeat(64);

async function chain(n: number): Promise<NoticeEvent[]> {
  const out: NoticeEvent[] = [];
  const kinds = ['created', 'sent', 'acknowledged', 'note', 'removed', 'note', 'note', 'note'];
  for (let i = 0; i < n; i++) {
    const kind = kinds[i % kinds.length]!;
    out.push(
      await appendEvent(
        out[i - 1] ?? null,
        {
          id: `e${i}`,
          noticeId: 'n1',
          at: new Date(Date.UTC(2026, 2, 2, 9, i)).toISOString(),
          kind,
          actor: i % 2 ? 'system' : 'user',
          details: { i, nested: { b: 2, a: [1, 'x'] } },
          ...(kind === 'sent' ? { textHash: TEXT_HASH } : {}),
        },
        sha256Hex,
      ),
    );
  }
  return out;
}

describe('hash chain', () => {
  it('links each event to the previous one and carries the sent text hash forward', async () => {
    const events = await chain(6);
    expect(events[0]!.prevHash).toBe(GENESIS_HASH);
    expect(events[0]!.textHash).toBe('');
    for (let i = 1; i < events.length; i++) {
      expect(events[i]!.seq).toBe(i);
      expect(events[i]!.prevHash).toBe(events[i - 1]!.hash);
    }
    expect(events.slice(1).every((e) => e.textHash === TEXT_HASH)).toBe(true);
    expect(
      await verifyChain(events, sha256Hex, { textSha256: TEXT_HASH, head: { seq: 5, hash: events[5]!.hash } }),
    ).toEqual({ ok: true });
  });

  it('accepts an empty log', async () => {
    expect(await verifyChain([], sha256Hex)).toEqual({ ok: true });
  });

  it('does not depend on the key order of details after a storage round trip', async () => {
    const events = await chain(4);
    const shuffled = events.map((e) => ({ ...e, details: Object.fromEntries(Object.entries(e.details).reverse()) }));
    expect(await verifyChain(shuffled, sha256Hex)).toEqual({ ok: true });
  });

  it('names the edited event, field by field', async () => {
    const events = await chain(8);
    const edits: Array<(e: NoticeEvent) => NoticeEvent> = [
      (e) => ({ ...e, at: '2020-01-01T00:00:00.000Z' }),
      (e) => ({ ...e, kind: 'withdrawn' }),
      (e) => ({ ...e, actor: e.actor === 'user' ? 'system' : 'user' }),
      (e) => ({ ...e, details: { ...e.details, i: 99 } }),
      (e) => ({ ...e, noticeId: 'other' }),
    ];
    for (const edit of edits) {
      for (const at of [0, 3, 7]) {
        const tampered = events.map((e, i) => (i === at ? edit(e) : e));
        expect(await verifyChain(tampered, sha256Hex)).toEqual({
          ok: false,
          brokenAt: at,
          eventId: `e${at}`,
          reason: 'edited',
        });
      }
    }
  });

  it('blames the rewritten event even when the forger recomputed its hash', async () => {
    const events = await chain(5);
    const forged = await appendEvent(events[1]!, { ...events[2]!, details: { forged: true } }, sha256Hex);
    const tampered = [...events.slice(0, 2), forged, ...events.slice(3)];
    expect(await verifyChain(tampered, sha256Hex)).toEqual({ ok: false, brokenAt: 2, eventId: 'e2', reason: 'edited' });
  });

  it('detects a deleted event in the middle and a deleted tail', async () => {
    const events = await chain(6);
    const gap = events.filter((e) => e.seq !== 3);
    expect(await verifyChain(gap, sha256Hex)).toEqual({ ok: false, brokenAt: 3, eventId: 'e4', reason: 'missing' });
    const head = { seq: 5, hash: events[5]!.hash };
    expect(await verifyChain(events.slice(0, 5), sha256Hex, { head })).toEqual({
      ok: false,
      brokenAt: 5,
      eventId: null,
      reason: 'missing',
    });
    expect(await verifyChain([], sha256Hex, { head })).toMatchObject({ ok: false, reason: 'missing', brokenAt: 0 });
  });

  it('detects reordering', async () => {
    const events = await chain(6);
    const swapped = [events[0]!, events[2]!, events[1]!, ...events.slice(3)];
    expect(await verifyChain(swapped, sha256Hex)).toEqual({
      ok: false,
      brokenAt: 2,
      eventId: 'e2',
      reason: 'reordered',
    });
    // Renumbered and re-hashed to hide the swap: still caught, at the first broken link.
    const renumbered = await Promise.all(
      swapped.map(async (e, i) => {
        const body = { ...e, seq: i };
        const { hash: _h, ...rest } = body;
        const { eventDigestInput } = await import('../../../lib/tracking/hash-chain');
        return { ...body, hash: await sha256Hex(eventDigestInput(rest)) };
      }),
    );
    const verdict = await verifyChain(renumbered, sha256Hex);
    expect(verdict.ok).toBe(false);
    expect(verdict).toMatchObject({ brokenAt: 0, reason: 'edited' });
  });

  it('detects a sent text that no longer matches the log', async () => {
    const events = await chain(4);
    expect(await verifyChain(events, sha256Hex, { textSha256: 'c'.repeat(64) })).toEqual({
      ok: false,
      brokenAt: 1,
      eventId: 'e1',
      reason: 'text_mismatch',
    });
  });

  it('detects a text hash swapped after sending even when the event was re-hashed', async () => {
    const events = await chain(4);
    const forged = await appendEvent(events[2]!, { ...events[3]!, textHash: 'd'.repeat(64) }, sha256Hex);
    expect(await verifyChain([...events.slice(0, 3), forged], sha256Hex)).toEqual({
      ok: false,
      brokenAt: 3,
      eventId: 'e3',
      reason: 'text_mismatch',
    });
  });
});

describe('hash chain, property', () => {
  it('any single-field edit of any event is reported at that event', async () => {
    const fc = (await import('fast-check')).default;
    const base = await chain(10);
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 9 }),
        fc.constantFrom('at', 'kind', 'actor', 'details', 'noticeId'),
        fc.string({ minLength: 1, maxLength: 8 }),
        async (at, field, junk) => {
          const tampered = base.map((e, i) => {
            if (i !== at) return e;
            if (field === 'details') return { ...e, details: { ...e.details, junk } };
            if (field === 'actor') return { ...e, actor: e.actor === 'user' ? ('system' as const) : ('user' as const) };
            return { ...e, [field]: `${String((e as Record<string, unknown>)[field])}${junk}` };
          });
          const verdict = await verifyChain(tampered, sha256Hex);
          expect(verdict).toEqual({ ok: false, brokenAt: at, eventId: `e${at}`, reason: 'edited' });
        },
      ),
      { numRuns: 60 },
    );
  });
});
