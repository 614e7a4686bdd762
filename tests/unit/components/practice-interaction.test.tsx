// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PracticeLetters } from '../../../components/notice/PracticeLetters';
import { PrivacyPanel } from '../../../components/notice/PrivacyPanel';
import { AppError } from '../../../lib/errors';
import type { LetterKind } from '../../../lib/notices/letters/schema';
import { RecipientSchema } from '../../../lib/model/recipient';
import { privacyAdvice } from '../../../lib/providers/privacy';
import en from '../../../public/_locales/en/messages.json';
import { mount, translator } from '../../helpers/dom';

const t = translator(en);
let mounted: Awaited<ReturnType<typeof mount>> | null = null;
afterEach(async () => {
  await mounted?.unmount();
  mounted = null;
});

describe('notice page: practice letters and privacy, clicked', () => {
  it('starting an offered letter passes its kind; a failure is shown and the offer stays', async () => {
    const onStart = vi.fn(async (_: LetterKind) => {
      throw new AppError('storage', 'disk full');
    });
    mounted = await mount(
      <PracticeLetters
        offers={{
          counter: 'us_action_filed',
          repeat: { count: 3, subject: '203.0.113.7', provider: 'DO' },
          miit: null,
        }}
        count={0}
        onStart={onStart}
      />,
      t,
    );
    await mounted.click(mounted.find('[data-testid="offer-us_action_filed"]'));
    expect(onStart).toHaveBeenCalledWith('us_action_filed');
    expect(mounted.text()).toContain(en.error_storage.message);
    expect(mounted.find<HTMLButtonElement>('[data-testid="offer-us_action_filed"]').disabled).toBe(false);
  });

  it('"do not forward my details" reports each change for a CDN, and cannot change on a sent notice', async () => {
    const cf = RecipientSchema.parse({ role: 'cdn', name: 'Cloudflare', providerId: 'cloudflare' });
    const onWithhold = vi.fn();
    mounted = await mount(
      <PrivacyPanel advice={privacyAdvice(cf)} lang="en" isCdn withhold readOnly={false} onWithhold={onWithhold} />,
      t,
    );
    await mounted.click(mounted.find('[data-testid="privacy-withhold"]'));
    expect(onWithhold).toHaveBeenLastCalledWith(false);
    await mounted.unmount();
    mounted = await mount(
      <PrivacyPanel advice={privacyAdvice(cf)} lang="en" isCdn withhold readOnly onWithhold={onWithhold} />,
      t,
    );
    expect(mounted.find<HTMLInputElement>('[data-testid="privacy-withhold"]').disabled).toBe(true);
  });
});
