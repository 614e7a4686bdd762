import type { ExtensionSession } from '../fixtures';
import { OptionsPage } from './options';

export const LETTERHEAD = {
  company: 'Moonlit Games Ltd.',
  address: '1 Harbour Road, Wan Chai, Hong Kong',
  email: 'legal@moonlit.example',
  phone: '+852 5555 0100',
  signatory: 'Mei Chen',
  signatoryTitle: 'Head of Legal',
};
export const WORK = {
  title: '星海传说 Starsea Legend',
  owner: 'Moonlit Games Ltd.',
  registration: '2024SR0123456',
  originalUrl: 'https://starsea.example/',
  aliases: '星海传说\nStarsea Legend',
  officialDomains: 'starsea.example',
};

/**
 * Options → Lookup: who looks hosts up, and (tests only) a loopback DoH resolver and RDAP bootstrap. Specs that
 * test a backend that is down choose "backend" so Automatic does not switch to the browser lookup.
 */
export async function setLookupOptions(
  s: ExtensionSession,
  opts: { mode: 'auto' | 'browser' | 'backend'; dohJsonUrl?: string; rdapBootstrap?: string },
) {
  const page = await s.context.newPage();
  await page.goto(s.url('options.html#lookup'));
  const form = page.getByTestId('lookup-mode-form');
  await form.locator(`input[name="lookupMode"][value="${opts.mode}"]`).check();
  if (opts.dohJsonUrl) {
    await form.locator('[name="lookupResolver"]').selectOption('custom');
    await form.locator('[name="customResolverUrl"]').fill(opts.dohJsonUrl);
    await form.locator('[name="customResolverFormat"]').selectOption('json');
  }
  if (opts.rdapBootstrap) await form.locator('[name="rdapBootstrap"]').fill(opts.rdapBootstrap);
  await form.locator('button[type="submit"]').click();
  await form.getByRole('status').waitFor();
  await page.close();
}

/** Fills the options a rights holder sets once: letterhead, one work, and the backend address. */
export async function setUpOptions(
  s: ExtensionSession,
  opts: { backendUrl?: string; letterhead?: boolean; work?: boolean } = {},
) {
  const page = await s.context.newPage();
  const o = new OptionsPage(page);
  if (opts.letterhead !== false) {
    await page.goto(s.url('options.html#letterhead'));
    await o.fillLetterhead(LETTERHEAD);
    await o.save();
    await page.getByRole('status').waitFor();
  }
  if (opts.work !== false) {
    await page.goto(s.url('options.html#works'));
    await page.getByRole('button', { name: /Add a work|添加作品/ }).click();
    for (const [name, value] of Object.entries(WORK)) await page.locator(`[name="${name}"]`).fill(value);
    await page
      .getByTestId('work-form')
      .getByRole('button', { name: /Save work|保存作品/ })
      .click();
    await page.getByTestId('works-list').getByText(WORK.title).first().waitFor();
  }
  if (opts.backendUrl) {
    await page.goto(s.url('options.html#backend'));
    await page.locator('[name="backendUrl"]').fill(opts.backendUrl);
    await page
      .locator('form')
      .getByRole('button', { name: /Save|保存/ })
      .first()
      .click();
    await page.getByRole('status').waitFor();
  }
  await page.close();
}
