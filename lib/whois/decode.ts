/**
 * The text of a port-43 answer: WHOIS has no charset header, so the bytes decide. UTF-8 first; CNNIC-era replies may be GB18030; anything else falls back to windows-1252 so nothing is lost.
 */
export function decodeWhois(bytes: Uint8Array, server: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const fallback =
      server.endsWith('.cn') || server.endsWith('.tw') || server.endsWith('.hk') ? 'gb18030' : 'windows-1252';
    return new TextDecoder(fallback).decode(bytes);
  }
}
