/**
 * The most URLs one bulk report takes. Its own module because the stored bulk state validates against it, and the
 * state is read by pages (the popup) that must not load the URL parser and its public suffix list.
 */
export const MAX_BULK_URLS = 20_000;
