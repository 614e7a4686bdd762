import { useCallback, useState } from 'react';
import { db } from '../../lib/db/schema';
import { writeSetting } from '../../lib/db/settings';
import { lookupSettings } from '../../lib/report/lookup-runner';

/**
 * A registry without CORS, on the user's say-so: asks the browser for that one origin as an optional host
 * permission (a click is the user gesture it needs), remembers the agreement in the lookup settings, and looks up
 * again. Refusing leaves the gap named and the extension without the access.
 */
export function useAllowOrigin(rerun: () => void) {
  const [denied, setDenied] = useState(false);
  const allow = useCallback(
    async (origin: string) => {
      const granted = await browser.permissions.request({ origins: [`${origin}/*`] }).catch(() => false);
      setDenied(!granted);
      if (!granted) return;
      const { lookup } = await lookupSettings(db());
      await writeSetting(db(), 'lookup', {
        ...lookup,
        grantedOrigins: [...new Set([...lookup.grantedOrigins, origin])],
      });
      rerun();
    },
    [rerun],
  );
  return { allow, denied };
}
