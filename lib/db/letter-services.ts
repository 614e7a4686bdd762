import { createLettersRepo } from './letters-repo';
import { db } from './schema';
import { services } from './services';

let shared: ReturnType<typeof createLettersRepo> | undefined;

/**
 * The follow-up letters' repository (issue 12), apart from services() so that pages which never draft a letter
 * (the popup) do not load the letter drafting code.
 */
export function letterServices(): ReturnType<typeof createLettersRepo> {
  shared ??= createLettersRepo({ db: db(), now: () => new Date(), notices: services().notices });
  return shared;
}
