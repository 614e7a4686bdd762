/**
 * The header every call to the backend's /v1 API carries. A web page cannot send a custom header cross-origin
 * without a CORS preflight, which the backend refuses for any origin but the extension's; so a page's <img>,
 * form or no-cors fetch can never make the local backend run a lookup (issue 14 §4).
 */
export const CLIENT_HEADER = 'x-takedown-client';
export const CLIENT_HEADER_VALUE = 'extension';
