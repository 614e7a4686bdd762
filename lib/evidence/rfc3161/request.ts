/**
 * RFC 3161 §2.4.1 TimeStampReq: a SHA-256 message imprint, a random nonce (so a stored or replayed reply
 * cannot answer this request) and certReq (so the reply carries the TSA certificate a third party needs).
 * Encoded by pkijs/asn1js, never by hand.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { hexToBytes, toArrayBuffer } from './bytes';

export const OID_SHA256 = '2.16.840.1.101.3.4.2.1';

export interface TimestampRequest {
  /** DER, sent as application/timestamp-query. */
  der: Uint8Array;
  /** Hex of the nonce INTEGER's content octets, compared with the reply's. */
  nonce: string;
}

/** 64 random bits, high bit clear so the INTEGER is positive and needs no leading zero. */
const secureRandom = (n: number) => crypto.getRandomValues(new Uint8Array(n));

export function randomNonce(random: (n: number) => Uint8Array = secureRandom): Uint8Array {
  const nonce = random(8);
  nonce[0] = ((nonce[0] ?? 0) & 0x7f) | 0x01;
  return nonce;
}

export function buildTimestampRequest(sha256: string, nonce: Uint8Array = randomNonce()): TimestampRequest {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('sha256 must be 64 lowercase hex digits');
  const req = new pkijs.TimeStampReq({
    version: 1,
    messageImprint: new pkijs.MessageImprint({
      hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID_SHA256 }),
      hashedMessage: new asn1js.OctetString({ valueHex: toArrayBuffer(hexToBytes(sha256)) }),
    }),
    nonce: new asn1js.Integer({ valueHex: toArrayBuffer(nonce) }),
    certReq: true,
  });
  const hex = Array.from(nonce, (b) => b.toString(16).padStart(2, '0')).join('');
  return { der: new Uint8Array(req.toSchema().toBER(false)), nonce: hex };
}
