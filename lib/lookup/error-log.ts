/** The failures of one lookup, each said once: every failing source becomes an entry, never an exception. */
import type { LookupError } from '../contract';
import { LookupFailure } from './types';

export class ErrorLog {
  readonly list: LookupError[] = [];
  has(steps: readonly LookupError['step'][]): boolean {
    return this.list.some((e) => steps.includes(e.step));
  }
  add(e: LookupError): void {
    if (!this.list.some((x) => x.step === e.step && x.kind === e.kind && x.message === e.message)) this.list.push(e);
  }
  fromUnknown(e: unknown, step: LookupError['step']): void {
    if (e instanceof LookupFailure) this.add(e.toLookupError());
    else this.add({ step, kind: 'unavailable', message: e instanceof Error ? e.message : String(e) });
  }
}
