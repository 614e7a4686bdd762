import { describe, expect, it } from 'vitest';
import { classifySender, dispatch, sendTyped } from '../../lib/messaging';

const EXT = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${EXT}/`;

describe('classifySender', () => {
  it('knows our extension pages, our content scripts, and strangers', () => {
    expect(classifySender({ id: EXT, url: `${ORIGIN}popup.html` }, EXT, ORIGIN)).toBe('extension');
    expect(classifySender({ id: EXT, url: 'https://pirate.test/', tabId: 3 }, EXT, ORIGIN)).toBe('content');
    expect(classifySender({ id: 'other', url: `${ORIGIN}popup.html` }, EXT, ORIGIN)).toBeNull();
    expect(classifySender({ id: EXT, url: 'file:///etc/passwd', tabId: 3 }, EXT, ORIGIN)).toBeNull();
    expect(classifySender({ id: EXT, url: 'https://pirate.test/' }, EXT, ORIGIN)).toBeNull();
  });
});

describe('dispatch', () => {
  const handlers = { ping: async () => ({ ok: true as const, version: '1.2.3' }) };

  it('routes a valid message from an allowed sender', async () => {
    expect(await dispatch({ type: 'ping', data: {} }, {}, 'extension', handlers)).toEqual({
      ok: true,
      data: { ok: true, version: '1.2.3' },
    });
  });

  it('refuses a content script sending an extension-only message', async () => {
    const reply = await dispatch({ type: 'ping', data: {} }, {}, 'content', handlers);
    expect(reply).toMatchObject({ ok: false, error: { kind: 'forbidden_sender' } });
  });

  it('refuses unknown, malformed and unclassified messages without throwing', async () => {
    for (const msg of [null, 42, 'ping', { type: 'nope' }, { type: 'x'.repeat(500) }]) {
      expect(await dispatch(msg, {}, 'extension', handlers)).toMatchObject({
        ok: false,
        error: { kind: 'invalid_input' },
      });
    }
    expect(await dispatch({ type: 'ping' }, {}, null, handlers)).toMatchObject({
      ok: false,
      error: { kind: 'forbidden_sender' },
    });
  });

  it('returns a handler failure as a typed error that sendTyped rethrows', async () => {
    const failing = { ping: async () => Promise.reject(new Error('boom')) };
    const send = (m: unknown) => dispatch(m, {}, 'extension', failing);
    await expect(sendTyped(send, 'ping', {})).rejects.toMatchObject({ kind: 'internal', message: 'boom' });
  });
});
