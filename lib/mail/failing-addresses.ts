/**
 * The provider directory's local overrides for addresses that bounced (issue 18). The bundled directory cannot
 * know that abuse@ of some host stopped accepting mail; a delivery status notification can, so the address is
 * kept as failing in the settings and every later lookup and send panel says so.
 */
import type { FailingAddress, FailingAddresses } from '../model/mail';

const norm = (a: string) => a.trim().toLowerCase();

/** The list with `added` in it: one entry per address, the newest bounce winning. */
export function withFailing(current: FailingAddresses, added: readonly FailingAddress[]): FailingAddresses {
  const byAddress = new Map(current.entries.map((e) => [norm(e.address), e]));
  for (const a of added) {
    const key = norm(a.address);
    if (!key.includes('@')) continue;
    const prev = byAddress.get(key);
    if (!prev || prev.at <= a.at) byAddress.set(key, { ...a, address: key });
  }
  return { entries: [...byAddress.values()].sort((x, y) => x.address.localeCompare(y.address)) };
}

/** The entries among `emails` that bounced, in the order of `emails`. */
export function failingAmong(list: FailingAddresses | null | undefined, emails: readonly string[]): FailingAddress[] {
  if (!list || list.entries.length === 0) return [];
  const byAddress = new Map(list.entries.map((e) => [e.address, e]));
  return emails.flatMap((e) => byAddress.get(norm(e)) ?? []);
}
