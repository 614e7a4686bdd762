import 'fake-indexeddb/auto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNoticesRepo } from '../../lib/db/notices-repo';
import { openDb } from '../../lib/db/schema';
import { exportAll } from '../../lib/db/transfer';
import { writeSetting } from '../../lib/db/settings';
import { LetterheadSchema } from '../../lib/model/letterhead';
import { RecipientSchema } from '../../lib/model/recipient';
import { WorkSchema } from '../../lib/model/work';
import en from '../../public/_locales/en/messages.json';
import { launchExtension, type ExtensionSession } from './fixtures';
import { LETTERHEAD } from './pages/setup';

/**
 * Every page of the extension, in English and Chinese, with a history behind it (sent, answered, overdue and draft
 * notices, imported through the options page as a user would). Each page is screenshotted for review by eye, shows
 * no raw message key and no English message where a Chinese one exists, and can be walked with the keyboard.
 */
const PAGES = [
  { name: 'popup', path: 'popup.html' },
  { name: 'options-letterhead', path: 'options.html#letterhead' },
  { name: 'options-works', path: 'options.html#works' },
  { name: 'options-documents', path: 'options.html#documents' },
  { name: 'options-lookup', path: 'options.html#lookup' },
  { name: 'options-backend', path: 'options.html#backend' },
  { name: 'options-defaults', path: 'options.html#defaults' },
  { name: 'options-detection', path: 'options.html#detection' },
  { name: 'options-data', path: 'options.html#data' },
  { name: 'stats', path: 'stats.html' },
  { name: 'bulk', path: 'bulk.html' },
] as const;

/** Builds a small, realistic history in a throw-away database and exports it as the user's file. */
async function historyFile(): Promise<string> {
  const d = openDb(`tour-${Math.random()}`);
  await d.open();
  let clock = new Date('2026-11-02T09:00:00Z');
  const repo = createNoticesRepo({ db: d, now: () => clock });
  const host = RecipientSchema.parse({
    role: 'host',
    name: 'Example Hosting Inc.',
    kind: 'shared',
    emails: ['abuse@host.example'],
    handlingDays: 2,
  });
  const cdn = RecipientSchema.parse({ role: 'cdn', name: 'Cloudflare', providerId: 'cloudflare', kind: 'cdn' });
  await d.works.add(
    WorkSchema.parse({
      id: 'w1',
      title: 'Starsea Legend',
      aliases: ['星海传说'],
      owner: LETTERHEAD.company,
      officialDomains: ['starsea.example'],
    }),
  );
  await writeSetting(d, 'letterhead', LetterheadSchema.parse(LETTERHEAD));
  const ids: string[] = [];
  for (const [i, r] of [host, cdn, host].entries()) {
    const draft = await repo.createDraft({
      urls: [`https://pirate${i}.example/starsea-legend/download`],
      regime: 'us-dmca',
      recipient: r,
      recipientName: r.name,
      workIds: ['w1'],
    });
    ids.push(draft.id);
    if (i === 2) continue;
    await repo.markSent(draft.id, { at: clock.toISOString(), channel: 'email', recipient: r, text: `Notice ${i}` });
    clock = new Date(clock.getTime() + 86_400_000);
  }
  await repo.recordEvent(ids[1]!, 'acknowledged', { ticket: 'CF-12345' });
  const text = await exportAll(d, () => clock);
  await d.delete();
  return text;
}

const KEYS = new Set(Object.keys(en));

async function visibleText(page: Page): Promise<string> {
  return page.evaluate(() => document.body.innerText);
}

describe.each([['en'], ['zh-CN']])('every page, seen by a user (%s)', (lang) => {
  let s: ExtensionSession;

  beforeAll(async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tour-'));
    const file = path.join(dir, 'history.json');
    writeFileSync(file, await historyFile());
    s = await launchExtension({ lang });
    const options = await s.context.newPage();
    await options.goto(s.url('options.html#data'));
    await options.locator('#import-file').setInputFiles(file);
    await options.getByTestId('import-report').waitFor();
    await options.close();
  });
  afterAll(async () => {
    await s?.close();
  });

  it.each(PAGES)('$name: readable, localised and keyboard-reachable', async ({ name, path: pagePath }) => {
    const page = await s.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(s.url(pagePath));
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(300);
    const text = await visibleText(page);
    expect(text.trim().length).toBeGreaterThan(20);
    // A message key on screen means a missing translation or a wrong key.
    const words = text.split(/[\s:()（）、，。]+/).filter((w) => KEYS.has(w) && /[a-z][A-Z_]/.test(w));
    expect(words).toEqual([]);
    if (lang === 'zh-CN') expect(text).toMatch(/[\u4e00-\u9fff]/);
    await s.screenshot(page, `tour-${name}`);
    // Tab moves the focus onto the page's controls, and the focused control is visibly marked.
    const controls = await page.locator('a[href], button, input, select, textarea, [tabindex="0"]').count();
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      return { tag: el.tagName, outline: style.outlineStyle !== 'none' || style.boxShadow !== 'none' };
    });
    if (controls === 0) expect(focused).toBeNull();
    else {
      expect(focused).not.toBeNull();
      expect(focused!.outline).toBe(true);
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('notice page of a sent and acknowledged notice', async () => {
    const popup = await s.context.newPage();
    await popup.goto(s.url('popup.html'));
    const rows = popup.getByTestId('notice-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThanOrEqual(2);
    const opened = s.context.waitForEvent('page');
    await rows.first().click();
    const page = await opened;
    await page.waitForLoadState('networkidle');
    const text = await visibleText(page);
    expect(text).toMatch(/Example Hosting|Cloudflare/);
    await s.screenshot(page, 'tour-notice');
    await page.close();
    await popup.close();
  });
});
