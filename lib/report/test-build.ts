/**
 * Whether this is the end-to-end test build (wxt.config.ts defines the flag at build time). Outside a WXT build
 * (unit tests, the CLI) the flag is undefined and this is false.
 */
export const IS_TEST_BUILD: boolean =
  typeof __TAKEDOWN_TEST_BUILD__ !== 'undefined' && __TAKEDOWN_TEST_BUILD__ === true;
