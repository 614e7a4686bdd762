/** The URL a fetch call asked for, whichever of fetch's three input shapes it came in. */
export function requestUrl(input: string | URL | Request): string {
  return typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
}
