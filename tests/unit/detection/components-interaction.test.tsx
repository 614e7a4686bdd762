// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DetectionToggle } from '../../../components/detection/DetectionToggle';
import { SuspectedBanner } from '../../../components/detection/SuspectedBanner';
import type { Verdict } from '../../../lib/detection/verdict';
import en from '../../../public/_locales/en/messages.json';
import { mount, translator } from '../../helpers/dom';

const t = translator(en);
const suspected: Verdict = {
  suspected: true,
  score: 0.72,
  work: { id: 'xq', title: '星穹纪元' },
  reasons: [{ id: 'magnet-link', text: 'Magnet links (3)' }],
};

let mounted: Awaited<ReturnType<typeof mount>> | null = null;
afterEach(async () => {
  await mounted?.unmount();
  mounted = null;
});

describe('detection components, clicked', () => {
  it('"Report this site" in the banner starts a report', async () => {
    const onReport = vi.fn();
    mounted = await mount(<SuspectedBanner verdict={suspected} onReport={onReport} />, t);
    await mounted.click(mounted.button(en.detectReport.message));
    expect(onReport).toHaveBeenCalledTimes(1);
  });

  it('the switch asks for the opposite state; a declined permission is said, not hidden', async () => {
    const onToggle = vi.fn(async (_: boolean) => false);
    mounted = await mount(<DetectionToggle enabled={false} onToggle={onToggle} />, t);
    await mounted.click(mounted.find<HTMLInputElement>('input[role="switch"]'));
    expect(onToggle).toHaveBeenCalledWith(true);
    expect(mounted.find('[role="alert"]').textContent).toContain(en.detectPermissionDenied.message);
    expect(mounted.find<HTMLInputElement>('input[role="switch"]').disabled).toBe(false);
  });

  it('a failing switch shows the error and can be tried again', async () => {
    const onToggle = vi.fn(async () => {
      throw new Error('storage full');
    });
    mounted = await mount(<DetectionToggle enabled onToggle={onToggle} />, t);
    await mounted.click(mounted.find<HTMLInputElement>('input[role="switch"]'));
    expect(onToggle).toHaveBeenCalledWith(false);
    expect(mounted.text()).toContain(en.error_internal.message);
    expect(mounted.find<HTMLInputElement>('input[role="switch"]').disabled).toBe(false);
  });
});
