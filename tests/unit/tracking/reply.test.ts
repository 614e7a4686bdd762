import { describe, expect, it } from 'vitest';
import { replyEvent, replyOptions } from '../../../lib/tracking/reply';

describe('recording a reply', () => {
  it('offers only the replies the status machine allows', () => {
    expect(replyOptions('sent')).toEqual([
      'acknowledged',
      'removed',
      'partially_removed',
      'rejected',
      'counter_noticed',
      'no_response',
      'withdrawn',
    ]);
    expect(replyOptions('rejected')).toEqual(['withdrawn']);
    expect(replyOptions('removed')).toEqual(['counter_noticed', 'withdrawn']);
    expect(replyOptions('draft')).toEqual(['withdrawn']);
  });

  it('maps the reply to its event kind with the text, reason and attachment', () => {
    const attachment = { evidenceId: 'e1', sha256: 'c'.repeat(64), name: 'reply.eml', size: 10 };
    expect(
      replyEvent('sent', { to: 'rejected', reason: ' Not our customer ', text: 'Dear sender…', attachment }),
    ).toEqual({
      kind: 'rejected',
      details: { reason: 'Not our customer', replyText: 'Dear sender…', attachment },
    });
    expect(replyEvent('sent', { to: 'counter_noticed', ecommercePlatform: true })).toEqual({
      kind: 'counter_notice_received',
      details: { ecommercePlatform: true },
    });
    expect(replyEvent('acknowledged', { to: 'removed' })).toEqual({ kind: 'removed', details: {} });
  });

  it('requires a reason for a rejection and refuses moves the machine forbids', () => {
    expect(() => replyEvent('sent', { to: 'rejected' })).toThrow(
      expect.objectContaining({ kind: 'invalid_input', details: { path: 'reason' } }),
    );
    expect(() => replyEvent('withdrawn', { to: 'removed' })).toThrow(
      expect.objectContaining({ kind: 'illegal_transition' }),
    );
    expect(() => replyEvent('sent', { to: 'escalated' as never })).toThrow(
      expect.objectContaining({ kind: 'invalid_input' }),
    );
  });
});
