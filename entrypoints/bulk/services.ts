import { services } from '../../lib/db/services';

export const bulkStore = services().bulk;
export const repo = services().notices;
