import { createLettersRepo } from './letters-repo';
import { db } from './schema';
import { services } from './services';
import { canSend } from '../model/team';

let shared: ReturnType<typeof createLettersRepo> | undefined;

/**
 * The follow-up letters' repository (issue 12), apart from services() so that pages which never draft a letter
 * (the popup) do not load the letter drafting code.
 */
export function letterServices(): ReturnType<typeof createLettersRepo> {
  shared ??= createLettersRepo({
    db: db(),
    now: () => new Date(),
    notices: services().notices,
    maySend: async () => canSend((await services().settings.read('team')).value),
  });
  return shared;
}
