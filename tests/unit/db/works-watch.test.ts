import { describe, expect, it } from 'vitest';
import { createWorksRepo } from '../../../lib/db/works-repo';
import { freshDb } from '../../helpers/fresh-db';

const settled = () => new Promise((r) => setTimeout(r, 50));

describe('works repository watch', () => {
  it('calls back when the catalog changes, so the background re-compiles its matcher, until unsubscribed', async () => {
    const works = createWorksRepo({ db: freshDb('works-watch') });
    let calls = 0;
    const stop = works.onChange(() => calls++);
    await settled();
    expect(calls).toBe(1);
    await works.put({ id: 'w1', title: 'Starsea Legend' });
    await settled();
    expect(calls).toBe(2);
    stop();
    await works.put({ id: 'w2', title: 'River Atlas' });
    await settled();
    expect(calls).toBe(2);
  });
});
