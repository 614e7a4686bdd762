import { AppError } from '../errors';

/** Hex SHA-256 of UTF-8 text or bytes. Injected wherever hashing happens so tests can pin it. */
export type Sha256 = (data: string | Uint8Array) => Promise<string>;

/** WebCrypto (browsers and Node 20 both expose globalThis.crypto.subtle); no node:crypto in lib/. */
export const sha256Hex: Sha256 = async (data) => {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) throw new AppError('internal', 'WebCrypto is not available in this context');
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  const digest = await subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return toHex(new Uint8Array(digest));
};

export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}
