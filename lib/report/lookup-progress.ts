/**
 * The report page's lookup, as a pure reducer (issue 13): the backend's streamed steps folded into
 * the four stages a person understands, and a verdict that says what happened when it failed. A
 * stage is never shown done (✓) over a lookup that found no one.
 */
import type { LookupResult, LookupStep } from '../contract';
import { AppError } from '../errors';

export type GroupId = 'dns' | 'network' | 'cdn' | 'registrar';
export type GroupState = 'waiting' | 'running' | 'done' | 'error' | 'skipped';
export type Groups = Record<GroupId, GroupState>;

export const PROGRESS_GROUPS: Array<{ id: GroupId; steps: LookupStep[] }> = [
  { id: 'dns', steps: ['input', 'dns'] },
  { id: 'network', steps: ['bootstrap', 'rdap-ip', 'asn', 'rdap-asn'] },
  { id: 'cdn', steps: ['cdn', 'directory'] },
  { id: 'registrar', steps: ['rdap-domain', 'rdap-registrar', 'whois'] },
];

/**
 * ok: recipients and no errors; partial: recipients, some sources failed; no_dns: the domain
 * does not resolve; unknown_host: nobody found (add one by hand); backend_down: the lookup
 * service did not answer (start it); failed: anything else.
 */
export type LookupVerdict = 'ok' | 'partial' | 'no_dns' | 'unknown_host' | 'backend_down' | 'failed';

export type LookupState =
  | { phase: 'idle' }
  | { phase: 'running'; groups: Groups }
  | { phase: 'done'; result: LookupResult; groups: Groups; verdict: LookupVerdict }
  | { phase: 'failed'; error: unknown; verdict: 'backend_down' | 'failed' };

export type LookupAction =
  | { type: 'start' }
  | { type: 'step'; step: string; status: 'start' | 'done' | 'error' }
  | { type: 'done'; result: LookupResult }
  | { type: 'failed'; error: unknown };

export const groupOf = (step: string): GroupId | undefined =>
  PROGRESS_GROUPS.find((g) => (g.steps as string[]).includes(step))?.id;

const START: Groups = { dns: 'running', network: 'waiting', cdn: 'waiting', registrar: 'running' };

export function lookupReducer(state: LookupState, action: LookupAction): LookupState {
  switch (action.type) {
    case 'start':
      return { phase: 'running', groups: { ...START } };
    case 'step': {
      if (state.phase !== 'running') return state;
      const g = groupOf(action.step);
      if (!g) return state;
      const groups = { ...state.groups };
      groups[g] =
        action.status === 'start'
          ? groups[g] === 'error'
            ? 'error'
            : 'running'
          : action.status === 'error' || groups[g] === 'error'
            ? 'error'
            : 'done';
      // DNS answers before the network is asked, and the network before CDN and directory.
      if (g === 'dns' && action.status !== 'start' && groups.network === 'waiting') groups.network = 'running';
      if (g === 'network' && action.status !== 'start' && groups.cdn === 'waiting') groups.cdn = 'running';
      return { phase: 'running', groups };
    }
    case 'done': {
      const r = action.result;
      const groups: Groups = { dns: 'done', network: 'done', cdn: 'done', registrar: 'done' };
      for (const e of r.errors) {
        const g = groupOf(e.step);
        if (g) groups[g] = 'error';
      }
      const found = r.recipients.length > 0;
      const dnsFailed = r.errors.some((e) => e.step === 'dns' || (e.step === 'input' && e.kind !== 'private_target'));
      // Without an address there is no network or CDN to find: those stages did not succeed.
      if (dnsFailed) for (const k of ['network', 'cdn'] as const) if (groups[k] === 'done') groups[k] = 'skipped';
      if (!found) for (const k of Object.keys(groups) as GroupId[]) if (groups[k] === 'done') groups[k] = 'skipped';
      // A domain that does not resolve is said as such even when its registrar was found.
      const verdict: LookupVerdict = dnsFailed
        ? 'no_dns'
        : !found
          ? 'unknown_host'
          : r.errors.length > 0
            ? 'partial'
            : 'ok';
      return { phase: 'done', result: r, groups, verdict };
    }
    case 'failed': {
      const down =
        action.error instanceof AppError
          ? action.error.kind === 'unavailable'
          : (action.error as { kind?: unknown } | null)?.kind === 'unavailable';
      return { phase: 'failed', error: action.error, verdict: down ? 'backend_down' : 'failed' };
    }
  }
}
