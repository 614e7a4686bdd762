/**
 * Which lookup answers (issue 17): the backend, or the browser itself. "auto" asks the backend's /healthz first
 * (briefly, so a missing backend costs little) and falls back to the browser; "backend" and "browser" use only
 * that one. Also names what only the backend can do for a browser result, instead of leaving it out silently.
 * I/O is passed in: the pages give the health check and the two lookups.
 */
import type { LookupResult } from '../contract';
import { AppError } from '../errors';
import type { LookupMode } from '../model/lookup-settings';

export type AnsweredBy = 'backend' | 'browser';

export interface ModeRunners<T> {
  /** Resolves true when the backend's health check answers. */
  probe: () => Promise<boolean>;
  backend: () => Promise<T>;
  browser: () => Promise<T>;
}

export interface ModeOutcome<T> {
  value: T;
  answeredBy: AnsweredBy;
  /** "auto" found no backend (or lost it mid-way) and used the browser. */
  fellBack: boolean;
}

/** A probe that never throws and gives up after `timeoutMs`. */
export async function probeWithin(
  check: (signal: AbortSignal) => Promise<unknown>,
  timeoutMs = 1500,
): Promise<boolean> {
  const ctrl = new AbortController();
  const timer = setTimeout(() => ctrl.abort(), timeoutMs);
  try {
    await check(ctrl.signal);
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

export async function chooseSource(mode: LookupMode, probe: () => Promise<boolean>): Promise<AnsweredBy> {
  if (mode === 'backend') return 'backend';
  if (mode === 'browser') return 'browser';
  return (await probe()) ? 'backend' : 'browser';
}

export async function runInMode<T>(mode: LookupMode, runners: ModeRunners<T>): Promise<ModeOutcome<T>> {
  const source = await chooseSource(mode, runners.probe);
  if (source === 'browser') return { value: await runners.browser(), answeredBy: 'browser', fellBack: mode === 'auto' };
  try {
    return { value: await runners.backend(), answeredBy: 'backend', fellBack: false };
  } catch (err) {
    // The backend answered its health check and then went away: in "auto" the browser takes over.
    if (mode === 'auto' && err instanceof AppError && err.kind === 'unavailable') {
      return { value: await runners.browser(), answeredBy: 'browser', fellBack: true };
    }
    throw err;
  }
}

/** Something a browser lookup could not do that the backend can (WHOIS over port 43). */
export interface BackendOnlyGap {
  kind: 'whois-domain' | 'afrinic-abuse' | 'registrobr-whois';
  /** The TLD (".cn") or the address concerned. */
  subject: string;
}

/** What only the backend could add to this browser result; [] for a backend result or when nothing is missing. */
export function backendOnlyGaps(result: LookupResult, answeredBy: AnsweredBy): BackendOnlyGap[] {
  if (answeredBy !== 'browser') return [];
  const gaps: BackendOnlyGap[] = [];
  const tld = result.registrableDomain?.split('.').slice(1).join('.') || result.hostname.split('.').pop() || '';
  if (
    result.errors.some((e) => e.step === 'rdap-domain' && e.kind === 'not_found' && /no RDAP service/i.test(e.message))
  ) {
    gaps.push({ kind: 'whois-domain', subject: `.${tld}` });
  }
  for (const a of result.addresses) {
    // AFRINIC's RDAP often has no abuse role; its WHOIS prints "% Abuse contact for …" (lib/lookup/lookup.ts).
    if (a.network?.rir === 'afrinic') gaps.push({ kind: 'afrinic-abuse', subject: a.ip });
    // registro.br's RDAP gives the abuse entity without an e-mail (docs/rdap-quirks.md §4).
    if (a.network?.rir === 'registro.br') gaps.push({ kind: 'registrobr-whois', subject: a.ip });
  }
  return gaps;
}
