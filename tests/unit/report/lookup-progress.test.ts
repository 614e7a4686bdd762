import { describe, expect, it } from 'vitest';
import type { LookupResult } from '../../../lib/contract';
import { AppError } from '../../../lib/errors';
import { lookupReducer, type LookupAction, type LookupState } from '../../../lib/report/lookup-progress';

const result = (over: Partial<LookupResult>): LookupResult =>
  ({
    input: 'https://x.to/',
    hostname: 'x.to',
    registrableDomain: 'x.to',
    recipients: [],
    errors: [],
    cdn: null,
    ...over,
  }) as LookupResult;
const run = (actions: LookupAction[]): LookupState => actions.reduce(lookupReducer, { phase: 'idle' } as LookupState);
const host = {
  role: 'host',
  name: 'SWITCH',
  emails: ['abuse@switch.ch'],
  formUrl: null,
  country: 'CH',
  source: 'rdap',
  confidence: 0.7,
  notes: [],
};

describe('lookup progress reducer', () => {
  it('folds streamed steps into four stages, each starting the next', () => {
    const s = run([
      { type: 'start' },
      { type: 'step', step: 'dns', status: 'done' },
      { type: 'step', step: 'rdap-ip', status: 'start' },
    ]);
    expect(s).toEqual({
      phase: 'running',
      groups: { dns: 'done', network: 'running', cdn: 'waiting', registrar: 'running' },
    });
    const e = lookupReducer(s, { type: 'step', step: 'rdap-ip', status: 'error' });
    expect(e.phase === 'running' && e.groups.network).toBe('error');
    // A later success in the same stage does not hide the earlier failure.
    const after = lookupReducer(e, { type: 'step', step: 'asn', status: 'done' });
    expect(after.phase === 'running' && after.groups.network).toBe('error');
    expect(lookupReducer(s, { type: 'step', step: 'nonsense', status: 'done' })).toBe(s);
  });

  it('is ok with recipients, partial when a source failed', () => {
    const ok = run([{ type: 'start' }, { type: 'done', result: result({ recipients: [host] as never }) }]);
    expect(ok).toMatchObject({
      phase: 'done',
      verdict: 'ok',
      groups: { dns: 'done', network: 'done', cdn: 'done', registrar: 'done' },
    });
    const partial = run([
      { type: 'start' },
      {
        type: 'done',
        result: result({ recipients: [host] as never, errors: [{ step: 'whois', kind: 'timeout', message: 't' }] }),
      },
    ]);
    expect(partial).toMatchObject({ verdict: 'partial', groups: { registrar: 'error', dns: 'done' } });
  });

  it('never shows a stage done over a lookup that found no one', () => {
    const noDns = run([
      { type: 'start' },
      { type: 'done', result: result({ errors: [{ step: 'dns', kind: 'not_found', message: 'NXDOMAIN' }] }) },
    ]);
    expect(noDns).toMatchObject({
      verdict: 'no_dns',
      groups: { dns: 'error', network: 'skipped', cdn: 'skipped', registrar: 'skipped' },
    });
    // The registrar is still found by WHOIS: the domain is said not to resolve, and only the registrar stage is done.
    const registrarOnly = run([
      { type: 'start' },
      {
        type: 'done',
        result: result({
          recipients: [{ ...host, role: 'registrar' }] as never,
          errors: [{ step: 'dns', kind: 'not_found', message: 'NXDOMAIN' }],
        }),
      },
    ]);
    expect(registrarOnly).toMatchObject({
      verdict: 'no_dns',
      groups: { dns: 'error', network: 'skipped', cdn: 'skipped', registrar: 'done' },
    });
    const unknown = run([{ type: 'start' }, { type: 'done', result: result({}) }]);
    expect(unknown).toMatchObject({ verdict: 'unknown_host' });
    expect(Object.values((unknown as { groups: Record<string, string> }).groups)).not.toContain('done');
  });

  it('tells a backend that is down from any other failure', () => {
    expect(
      run([
        { type: 'start' },
        { type: 'failed', error: new AppError('unavailable', 'did not answer (Failed to fetch)') },
      ]),
    ).toMatchObject({ phase: 'failed', verdict: 'backend_down' });
    expect(run([{ type: 'start' }, { type: 'failed', error: new AppError('invalid_response', 'bad') }])).toMatchObject({
      verdict: 'failed',
    });
  });
});
