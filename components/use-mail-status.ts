import { useEffect, useState } from 'react';
import { mailStatus } from '../lib/backend/mail';
import type { MailStatus } from '../lib/contract';
import { services } from '../lib/db/services';
import { BackendSettingsSchema } from '../lib/model/settings';

async function readMailStatus(): Promise<MailStatus> {
  const backend = (await services().settings.read('backend')).value ?? BackendSettingsSchema.parse({});
  return mailStatus(backend, (...a) => globalThis.fetch(...a));
}

/**
 * The backend's mail status (GET /v1/mail/status, issue 18), read on mount, on `refresh` and when `backendKey` (the
 * options page passes the saved backend URL) changes. `status` is undefined
 * while loading and null when the backend did not answer (`error` says why): pages then offer only the manual
 * channels.
 */
export function useMailStatus(backendKey = '') {
  const [asked, setAsked] = useState(0);
  const [state, setState] = useState<{ status: MailStatus | null | undefined; error: unknown }>({
    status: undefined,
    error: null,
  });
  useEffect(() => {
    let live = true;
    readMailStatus().then(
      (status) => live && setState({ status, error: null }),
      (error: unknown) => live && setState({ status: null, error }),
    );
    return () => {
      live = false;
    };
  }, [asked, backendKey]);
  return { ...state, refresh: () => setAsked((n) => n + 1) };
}
