/**
 * The per-install token: made once with crypto randomness, kept next to the lookup cache (mode 0600) so pairing
 * survives restarts, and handed only to the extension's own origin by POST /v1/pair. With TAKEDOWN_CACHE=memory
 * it lives as long as the process.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const TOKEN = /^[A-Za-z0-9_-]{32,128}$/;

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function loadOrCreateInstallToken(cacheLocation: string): string {
  if (cacheLocation === 'memory' || cacheLocation === ':memory:') return newToken();
  const file = path.join(path.dirname(path.resolve(cacheLocation)), 'install-token');
  try {
    const existing = readFileSync(file, 'utf8').trim();
    if (TOKEN.test(existing)) return existing;
  } catch {
    // First start: made below.
  }
  const token = newToken();
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${token}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return token;
}
