/** Set by wxt.config.ts (vite define): true only in the end-to-end test build (TAKEDOWN_E2E=1). */
declare const __TAKEDOWN_TEST_BUILD__: boolean | undefined;
