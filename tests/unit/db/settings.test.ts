import { afterEach, describe, expect, it } from 'vitest';
import { openDb } from '../../../lib/db/schema';
import { readSetting, writeSetting } from '../../../lib/db/settings';

const dbs: ReturnType<typeof openDb>[] = [];
const fresh = () => {
  const d = openDb(`settings-${Math.random()}`);
  dbs.push(d);
  return d;
};
afterEach(async () => {
  for (const d of dbs.splice(0)) await d.delete();
});

describe('settings', () => {
  it('returns defaults for settings that have them and null for the letterhead', async () => {
    const d = fresh();
    expect((await readSetting(d, 'backend')).value).toEqual({ url: 'http://127.0.0.1:8787', token: '' });
    expect((await readSetting(d, 'letterhead')).value).toBeNull();
  });

  it('never replaces a good value with an invalid one', async () => {
    const d = fresh();
    const good = { company: 'A', address: 'B', email: 'a@b.example', signatory: 'C' };
    await writeSetting(d, 'letterhead', good);
    await expect(writeSetting(d, 'letterhead', { ...good, email: 'bad' })).rejects.toThrow();
    expect((await readSetting(d, 'letterhead')).value?.email).toBe('a@b.example');
  });

  it('reports a corrupted stored value without dropping it', async () => {
    const d = fresh();
    await d.settings.put({ key: 'backend', value: { url: 'ftp://x' } });
    const read = await readSetting(d, 'backend');
    expect(read.value).toBeNull();
    expect(read.error).toBeDefined();
    expect((await d.settings.get('backend'))?.value).toEqual({ url: 'ftp://x' });
  });
});
