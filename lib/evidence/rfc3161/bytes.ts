/** Hex and PEM for DER blobs; isomorphic (no Buffer, no node:*), shared by the RFC 3161 code. */
import { base64ToBytes, bytesToBase64 } from '../../export/base64';

export function hexToBytes(hex: string): Uint8Array {
  if (!/^(?:[0-9a-fA-F]{2})*$/.test(hex)) throw new Error('not an even-length hex string');
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/** A DER certificate as PEM, the form `openssl ts -verify -CAfile/-untrusted` reads. */
export function derToPem(der: Uint8Array, label = 'CERTIFICATE'): string {
  const b64 = bytesToBase64(der)
    .replace(/(.{64})/g, '$1\n')
    .replace(/\n$/, '');
  return `-----BEGIN ${label}-----\n${b64}\n-----END ${label}-----\n`;
}

/** Every CERTIFICATE block of a PEM bundle, as DER. */
export function pemToDers(pem: string): Uint8Array[] {
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g) ?? [];
  return blocks.map((b) => base64ToBytes(b.replace(/-----(BEGIN|END) CERTIFICATE-----|\s+/g, '')));
}

/**
 * A fresh ArrayBuffer holding exactly these bytes (asn1js and WebCrypto want ArrayBuffer, not a view). Copied
 * through the Uint8Array constructor because a Node Buffer's slice() is a view into a shared pool.
 */
export function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return new Uint8Array(bytes).buffer;
}
