/**
 * Deterministic JSON for hashing: object keys sorted, undefined members dropped (as JSON.stringify
 * does), no whitespace. Two structurally equal values always give the same string, whatever the
 * insertion order of their keys, so a hash survives a round trip through IndexedDB or an export.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) return 'null';
    if (typeof value === 'bigint') throw new TypeError('canonicalJson: bigint is not JSON');
    const s = JSON.stringify(value);
    return s === undefined ? 'null' : s;
  }
  if (Array.isArray(value))
    return `[${value.map((v) => (v === undefined || typeof v === 'function' ? 'null' : canonicalJson(v))).join(',')}]`;
  const proto = Object.getPrototypeOf(value) as { constructor?: { name?: string } } | null;
  if (proto !== Object.prototype && proto !== null) {
    throw new TypeError(`canonicalJson: ${proto.constructor?.name ?? 'object'} is not plain JSON`);
  }
  const obj = value as Record<string, unknown>;
  const members = Object.keys(obj)
    .filter((k) => obj[k] !== undefined && typeof obj[k] !== 'function')
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`);
  return `{${members.join(',')}}`;
}
