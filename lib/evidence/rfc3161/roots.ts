/**
 * The self-issued certificates among PEMs (subject = issuer): the roots the backend was configured with
 * (TAKEDOWN_TSA_CA) travel with each token, so the extension can re-check the chain to the same root.
 */
import * as pkijs from 'pkijs';
import { pemToDers, toArrayBuffer } from './bytes';

export function selfIssuedRoots(pems: readonly string[]): Uint8Array[] {
  return pems
    .flatMap((pem) => pemToDers(pem))
    .filter((der) => {
      try {
        const cert = pkijs.Certificate.fromBER(toArrayBuffer(der));
        return cert.issuer.isEqual(cert.subject);
      } catch {
        return false;
      }
    });
}
