// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReplyForm, type ReplySubmission } from '../../../components/notice/ReplyForm';
import { AppError } from '../../../lib/errors';
import { replyOptions } from '../../../lib/tracking/reply';
import en from '../../../public/_locales/en/messages.json';
import { mount, translator } from '../../helpers/dom';

let mounted: Awaited<ReturnType<typeof mount>> | null = null;
afterEach(async () => {
  await mounted?.unmount();
  mounted = null;
});

describe('notice page: recording a reply', () => {
  it('a rejection asks for the reason, sends what was typed, then clears the form', async () => {
    const onSubmit = vi.fn(async (_: ReplySubmission) => {});
    mounted = await mount(<ReplyForm status="sent" regime="us-dmca" onSubmit={onSubmit} />, translator(en));
    const kinds = [...mounted.container.querySelectorAll('option')].map((o) => o.value);
    expect(kinds).toEqual(replyOptions('sent'));
    expect(mounted.container.querySelector('input[name="replyReason"]')).toBeNull();

    await mounted.type('select[name="replyKind"]', 'rejected');
    await mounted.type('input[name="replyReason"]', 'Not our customer');
    await mounted.type('textarea[name="replyText"]', 'We do not host this site.');
    await mounted.submit('[data-testid="reply-form"]');

    expect(onSubmit).toHaveBeenCalledWith({
      to: 'rejected',
      text: 'We do not host this site.',
      reason: 'Not our customer',
      ecommercePlatform: false,
      file: null,
      disclosedHost: undefined,
    });
    expect(mounted.find<HTMLSelectElement>('select[name="replyKind"]').value).toBe(replyOptions('sent')[0]);
    expect(mounted.find<HTMLTextAreaElement>('textarea[name="replyText"]').value).toBe('');
  });

  it('a CDN reply can name the origin host, which is offered as the next recipient', async () => {
    const onSubmit = vi.fn(async (_: ReplySubmission) => {});
    mounted = await mount(<ReplyForm status="sent" regime="us-dmca" fromCdn onSubmit={onSubmit} />, translator(en));
    await mounted.type('input[name="disclosedHost"]', ' Hoster Ltd ');
    await mounted.type('input[name="disclosedEmail"]', 'abuse@hoster.example');
    await mounted.submit('[data-testid="reply-form"]');
    expect(onSubmit.mock.calls[0]![0].disclosedHost).toEqual({ name: 'Hoster Ltd', emails: ['abuse@hoster.example'] });
  });

  it('a refused reply keeps what was typed and says why', async () => {
    const onSubmit = vi.fn(async () => {
      throw new AppError('illegal_transition', 'not from here');
    });
    mounted = await mount(<ReplyForm status="sent" regime="us-dmca" onSubmit={onSubmit} />, translator(en));
    await mounted.type('textarea[name="replyText"]', 'Removed.');
    await mounted.submit('[data-testid="reply-form"]');
    expect(mounted.text()).toContain(en.error_illegal_transition.message);
    expect(mounted.find<HTMLTextAreaElement>('textarea[name="replyText"]').value).toBe('Removed.');
    expect(mounted.button(en.replySave.message).disabled).toBe(false);
  });
});
