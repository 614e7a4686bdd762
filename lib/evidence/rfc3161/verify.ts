/**
 * Checks an RFC 3161 TimeStampResp the way a court expert would, with pkijs/asn1js doing every parse:
 * status granted, SHA-256 imprint equal to the hash we asked about, our nonce, the CMS signature over the
 * signed attributes (with the message-digest attribute equal to the TSTInfo's digest), the ESS
 * signing-certificate(-v2) attribute naming the signer certificate, the timeStamping EKU (critical, RFC 3161
 * §2.3), the certificate valid at genTime and, when roots are given, a chain to one of them.
 * Isomorphic: WebCrypto through pkijs' engine, no node:*; the backend, the CLI and the extension share it.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { AppError } from '../../errors';
import { toArrayBuffer } from './bytes';
import { OID_SHA256 } from './request';

const OID_TST_INFO = '1.2.840.113549.1.9.16.1.4';
const OID_SIGNED_DATA = '1.2.840.113549.1.7.2';
const OID_CONTENT_TYPE = '1.2.840.113549.1.9.3';
const OID_MESSAGE_DIGEST = '1.2.840.113549.1.9.4';
const OID_SIGNING_CERT = '1.2.840.113549.1.9.16.2.12';
const OID_SIGNING_CERT_V2 = '1.2.840.113549.1.9.16.2.47';
const OID_EKU = '2.5.29.37';
const OID_EKU_TIMESTAMPING = '1.3.6.1.5.5.7.3.8';
const OID_RSA_ENCRYPTION = '1.2.840.113549.1.1.1';

export type TimestampFailure =
  | 'malformed'
  | 'not-granted'
  | 'wrong-hash-algorithm'
  | 'wrong-imprint'
  | 'wrong-nonce'
  | 'no-certificate'
  | 'bad-signature'
  | 'no-signing-certificate'
  | 'signing-certificate-mismatch'
  | 'not-a-tsa-certificate'
  | 'certificate-not-valid'
  | 'untrusted';

/** A refused token: `reason` is machine-readable, the message says what is wrong in one sentence. */
export class TimestampError extends AppError {
  constructor(
    readonly reason: TimestampFailure,
    message: string,
  ) {
    super('invalid_response', message, { reason });
    this.name = 'TimestampError';
  }
}

export interface TimestampCheck {
  /** Hex SHA-256 the token must cover. */
  sha256: string;
  /** Hex nonce we sent; omit only when checking a stored token (nonce already checked when it arrived). */
  nonce?: string;
  /** DER roots; when given, the signer must chain to one of them at genTime. */
  trustedRoots?: Uint8Array[];
}

export interface TimestampInfo {
  genTime: string;
  /** Hex of the TSTInfo serial number. */
  serialNumber: string;
  policy: string;
  /** The TSA as it names itself: TSTInfo.tsa, else the signer certificate's subject. */
  tsa: string;
  signer: string;
  /** DER certificates carried in the token (certReq), signer first. */
  certificates: Uint8Array[];
  /** True when a chain to one of `trustedRoots` was built and checked. */
  chained: boolean;
}

const DN_NAMES: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '1.2.840.113549.1.9.1': 'emailAddress',
};

export function formatName(name: pkijs.RelativeDistinguishedNames): string {
  return name.typesAndValues
    .map((tv) => {
      const value = (tv.value as { valueBlock?: { value?: unknown } }).valueBlock?.value;
      // Directory strings decode to text; anything else (rare, binary) is shown empty rather than as [object Object].
      const text = typeof value === 'string' || typeof value === 'number' ? String(value) : '';
      return `${DN_NAMES[tv.type] ?? tv.type}=${text}`;
    })
    .join(', ');
}

type Bytes = ArrayBuffer | Uint8Array;
const hex = (view: Bytes) => Array.from(new Uint8Array(view), (b) => b.toString(16).padStart(2, '0')).join('');
const equalBytes = (a: Bytes, b: Bytes) => hex(a) === hex(b);
const certDer = (c: pkijs.Certificate) => new Uint8Array(c.toSchema().toBER(false));

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

function fail(reason: TimestampFailure, message: string): never {
  throw new TimestampError(reason, message);
}

/** Decodes a TimeStampResp and returns its token, refusing anything but granted / grantedWithMods. */
export function parseTimestampResponse(der: Uint8Array): pkijs.ContentInfo {
  let resp: pkijs.TimeStampResp;
  try {
    resp = pkijs.TimeStampResp.fromBER(toArrayBuffer(der));
  } catch (err) {
    return fail('malformed', `The reply is not an RFC 3161 TimeStampResp (${errorText(err)}).`);
  }
  const status = resp.status.status;
  if (status !== pkijs.PKIStatus.granted && status !== pkijs.PKIStatus.grantedWithMods) {
    const text = (resp.status.statusStrings ?? []).map((s) => s.valueBlock.value).join('; ');
    return fail('not-granted', `The TSA refused the request (PKIStatus ${status}${text ? `: ${text}` : ''}).`);
  }
  if (!resp.timeStampToken) return fail('malformed', 'The TSA granted the request but sent no token.');
  return resp.timeStampToken;
}

function signedDataOf(token: pkijs.ContentInfo): pkijs.SignedData {
  if (token.contentType !== OID_SIGNED_DATA) {
    fail('malformed', `The token is not CMS SignedData (${token.contentType}).`);
  }
  try {
    return new pkijs.SignedData({ schema: token.content });
  } catch (err) {
    return fail('malformed', `The token's SignedData cannot be read (${errorText(err)}).`);
  }
}

function findSigner(sd: pkijs.SignedData, signerInfo: pkijs.SignerInfo, skiOf: Map<pkijs.Certificate, string>) {
  const certs = (sd.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate);
  const sid: unknown = signerInfo.sid;
  if (sid instanceof pkijs.IssuerAndSerialNumber) {
    return certs.find((c) => c.issuer.isEqual(sid.issuer) && c.serialNumber.isEqual(sid.serialNumber));
  }
  const keyId = hex((sid as asn1js.OctetString).valueBlock.valueHexView);
  return certs.find((c) => skiOf.get(c) === keyId);
}

/** ESS signing-certificate(-v2) (RFC 2634 / RFC 5035): the first ESSCertID must hash to the signer certificate. */
async function checkSigningCertificate(
  signerInfo: pkijs.SignerInfo,
  signer: pkijs.Certificate,
  crypto: pkijs.ICryptoEngine,
) {
  const attrs = signerInfo.signedAttrs?.attributes ?? [];
  const v2 = attrs.find((a) => a.type === OID_SIGNING_CERT_V2);
  const v1 = attrs.find((a) => a.type === OID_SIGNING_CERT);
  const attr = v2 ?? v1;
  if (!attr) {
    fail('no-signing-certificate', 'The token has no ESS signing-certificate attribute: its signer could be swapped.');
  }
  let algorithm = v2 ? OID_SHA256 : '1.3.14.3.2.26';
  let certHash: Uint8Array;
  try {
    const certs = (attr.values[0] as asn1js.Sequence).valueBlock.value[0] as asn1js.Sequence;
    const first = (certs.valueBlock.value[0] as asn1js.Sequence).valueBlock.value;
    let i = 0;
    if (v2 && first[0] instanceof asn1js.Sequence) {
      algorithm = new pkijs.AlgorithmIdentifier({ schema: first[0] }).algorithmId;
      i = 1;
    }
    certHash = (first[i] as asn1js.OctetString).valueBlock.valueHexView;
  } catch {
    return fail('malformed', 'The ESS signing-certificate attribute cannot be read.');
  }
  const hashName = crypto.getAlgorithmByOID(algorithm, true, 'ESSCertID hash').name;
  const actual = await crypto.digest({ name: hashName }, toArrayBuffer(certDer(signer)));
  if (!equalBytes(actual, certHash)) {
    fail('signing-certificate-mismatch', 'The ESS signing-certificate attribute names another certificate.');
  }
}

function checkTsaCertificate(signer: pkijs.Certificate, genTime: Date) {
  const eku = (signer.extensions ?? []).find((e) => e.extnID === OID_EKU);
  const purposes = (eku?.parsedValue as pkijs.ExtKeyUsage | undefined)?.keyPurposes ?? [];
  if (!eku || !purposes.includes(OID_EKU_TIMESTAMPING)) {
    const who = formatName(signer.subject);
    fail('not-a-tsa-certificate', `The signer (${who}) is not a time-stamping certificate: no timeStamping key usage.`);
  }
  if (!eku.critical || purposes.length !== 1) {
    fail('not-a-tsa-certificate', "The signer's extended key usage must be critical and timeStamping only (RFC 3161).");
  }
  const from = signer.notBefore.value;
  const to = signer.notAfter.value;
  if (genTime < from || genTime > to) {
    const at = genTime.toISOString();
    const span = `${from.toISOString()} to ${to.toISOString()}`;
    fail('certificate-not-valid', `The TSA certificate was not valid at ${at} (valid ${span}).`);
  }
}

function otherCerts(sd: pkijs.SignedData, signer: pkijs.Certificate): pkijs.Certificate[] {
  return (sd.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate && c !== signer);
}

async function checkChain(signer: pkijs.Certificate, sd: pkijs.SignedData, roots: Uint8Array[], genTime: Date) {
  let trustedCerts: pkijs.Certificate[];
  try {
    trustedCerts = roots.map((r) => pkijs.Certificate.fromBER(toArrayBuffer(r)));
  } catch {
    return fail('malformed', 'A trusted root is not a DER/PEM X.509 certificate.');
  }
  const certs = [...otherCerts(sd, signer), signer];
  const engine = new pkijs.CertificateChainValidationEngine({ trustedCerts, certs, checkDate: genTime });
  const result = await engine.verify().catch((e: unknown) => ({
    result: false,
    resultMessage: (e as { resultMessage?: string })?.resultMessage ?? String(e),
  }));
  if (!result.result) {
    fail('untrusted', `The TSA certificate does not chain to the trusted root (${result.resultMessage}).`);
  }
}

/** Verifies a token (CMS ContentInfo) against `check`; see the file comment for what is checked. */
export async function verifyTimestampToken(token: pkijs.ContentInfo, check: TimestampCheck): Promise<TimestampInfo> {
  const crypto = pkijs.getCrypto(true);
  const sd = signedDataOf(token);
  if (sd.encapContentInfo.eContentType !== OID_TST_INFO || !sd.encapContentInfo.eContent) {
    fail('malformed', 'The token does not hold a TSTInfo.');
  }
  const eContent = sd.encapContentInfo.eContent.getValue();
  let tst: pkijs.TSTInfo;
  try {
    tst = pkijs.TSTInfo.fromBER(eContent);
  } catch {
    return fail('malformed', "The token's TSTInfo cannot be read.");
  }
  const imprintAlgorithm = tst.messageImprint.hashAlgorithm.algorithmId;
  if (imprintAlgorithm !== OID_SHA256) {
    fail('wrong-hash-algorithm', `The token's imprint uses ${imprintAlgorithm}, not SHA-256.`);
  }
  const imprint = hex(tst.messageImprint.hashedMessage.valueBlock.valueHexView);
  if (imprint !== check.sha256.toLowerCase()) {
    fail('wrong-imprint', `The token covers SHA-256 ${imprint}, not ${check.sha256.toLowerCase()}: other data.`);
  }
  if (check.nonce !== undefined) {
    const got = tst.nonce ? hex(tst.nonce.valueBlock.valueHexView) : '';
    if (got.replace(/^(00)+/, '') !== check.nonce.replace(/^(00)+/, '')) {
      fail('wrong-nonce', "The reply's nonce is not the one we sent: a replayed or misrouted reply.");
    }
  }
  const signerInfo = sd.signerInfos[0];
  if (!signerInfo?.signedAttrs) fail('malformed', 'The token has no signer with signed attributes.');
  const skiOf = new Map<pkijs.Certificate, string>();
  for (const c of sd.certificates ?? []) {
    if (c instanceof pkijs.Certificate) {
      const key = c.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView;
      skiOf.set(c, hex(await crypto.digest({ name: 'SHA-1' }, toArrayBuffer(key))));
    }
  }
  const signer = findSigner(sd, signerInfo, skiOf);
  if (!signer) fail('no-certificate', 'The token does not carry the TSA certificate that signed it.');

  const attrs = signerInfo.signedAttrs.attributes;
  const contentType: unknown = attrs.find((a) => a.type === OID_CONTENT_TYPE)?.values[0];
  if (!(contentType instanceof asn1js.ObjectIdentifier) || contentType.valueBlock.toString() !== OID_TST_INFO) {
    fail('bad-signature', 'The signed content-type attribute is missing or is not id-ct-TSTInfo.');
  }
  const digestAttr: unknown = attrs.find((a) => a.type === OID_MESSAGE_DIGEST)?.values[0];
  const digestOid = signerInfo.digestAlgorithm.algorithmId;
  const hashName = crypto.getAlgorithmByOID(digestOid, true, 'SignerInfo.digestAlgorithm').name;
  const digest = await crypto.digest({ name: hashName }, eContent);
  if (!(digestAttr instanceof asn1js.OctetString) || !equalBytes(digest, digestAttr.valueBlock.valueHexView)) {
    fail('bad-signature', 'The signed message-digest does not match the TSTInfo: the token was altered.');
  }
  const signedBytes = signerInfo.signedAttrs.encodedValue;
  const ok = await crypto
    .verifyWithPublicKey(
      signedBytes,
      signerInfo.signature,
      signer.subjectPublicKeyInfo,
      signerInfo.signatureAlgorithm,
      signerInfo.signatureAlgorithm.algorithmId === OID_RSA_ENCRYPTION ? hashName : undefined,
    )
    .catch(() => false);
  if (!ok) {
    const who = formatName(signer.subject);
    fail('bad-signature', `The TSA's signature over the signed attributes does not verify with ${who}'s key.`);
  }

  await checkSigningCertificate(signerInfo, signer, crypto);
  checkTsaCertificate(signer, tst.genTime);
  if (check.trustedRoots?.length) await checkChain(signer, sd, check.trustedRoots, tst.genTime);

  const others = otherCerts(sd, signer);
  const tsaName = tst.tsa?.type === 4 ? formatName(tst.tsa.value as pkijs.RelativeDistinguishedNames) : '';
  return {
    genTime: tst.genTime.toISOString(),
    serialNumber: hex(tst.serialNumber.valueBlock.valueHexView),
    policy: tst.policy,
    tsa: tsaName || formatName(signer.subject),
    signer: formatName(signer.subject),
    certificates: [signer, ...others].map(certDer),
    chained: !!check.trustedRoots?.length,
  };
}

/** Parses and verifies a DER TimeStampResp (the .tsr file). */
export async function verifyTimestampResponse(der: Uint8Array, check: TimestampCheck): Promise<TimestampInfo> {
  return verifyTimestampToken(parseTimestampResponse(der), check);
}
