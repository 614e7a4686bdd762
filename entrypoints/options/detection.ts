import { DETECTOR_MATCHES } from '../../lib/detection/registration';
import { sendTyped } from '../../lib/messaging';

/**
 * Turning detection on asks for access to websites inside the click (browsers require a user
 * gesture), then lets the background register the content script. False when the user declines.
 */
export async function toggleDetection(enabled: boolean): Promise<boolean> {
  if (enabled && !(await browser.permissions.request({ origins: DETECTOR_MATCHES }))) return false;
  if (!enabled) await browser.permissions.remove({ origins: DETECTOR_MATCHES }).catch(() => false);
  await sendTyped((m) => browser.runtime.sendMessage(m), 'detection/set-enabled', { enabled });
  return true;
}
