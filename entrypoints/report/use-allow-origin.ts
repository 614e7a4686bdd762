import { useCallback, useState } from 'react';
import { services } from '../../lib/db/services';
import { LookupSettingsSchema } from '../../lib/model/lookup-settings';

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
      const lookup = (await services().settings.read('lookup')).value ?? LookupSettingsSchema.parse({});
      await services().settings.write('lookup', {
        ...lookup,
        grantedOrigins: [...new Set([...lookup.grantedOrigins, origin])],
      });
      rerun();
    },
    [rerun],
  );
  return { allow, denied };
}
