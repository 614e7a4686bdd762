/**
 * A lookup's failed sources in the page's language: which source (step) and what happened (kind), both ours and from
 * closed lists, so the report page says them in English or Chinese. The message itself stays as the technical detail.
 */
import type { LookupError, LookupErrorKind, LookupStep } from '../contract';
import type { MessageKey, Translate } from '../i18n';

const STEP_KEYS: Record<LookupStep, MessageKey> = {
  input: 'lookupStep_input',
  dns: 'lookupStep_dns',
  bootstrap: 'lookupStep_bootstrap',
  'rdap-ip': 'lookupStep_rdap_ip',
  'rdap-asn': 'lookupStep_rdap_asn',
  'rdap-domain': 'lookupStep_rdap_domain',
  'rdap-registrar': 'lookupStep_rdap_registrar',
  asn: 'lookupStep_asn',
  cdn: 'lookupStep_cdn',
  whois: 'lookupStep_whois',
  directory: 'lookupStep_directory',
};

const KIND_KEYS: Record<LookupErrorKind, MessageKey> = {
  timeout: 'lookupErrorKind_timeout',
  rate_limited: 'lookupErrorKind_rate_limited',
  not_found: 'lookupErrorKind_not_found',
  unavailable: 'lookupErrorKind_unavailable',
  invalid_response: 'lookupErrorKind_invalid_response',
  private_target: 'lookupErrorKind_private_target',
  invalid_input: 'lookupErrorKind_invalid_input',
};

/** "Network registry (RDAP) did not answer in time; try again later." in the page's language. */
export function lookupErrorText(e: Pick<LookupError, 'step' | 'kind'>, t: Translate): string {
  return t('lookupErrorLine', [t(STEP_KEYS[e.step]), t(KIND_KEYS[e.kind])]);
}
