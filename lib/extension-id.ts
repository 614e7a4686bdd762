/**
 * The manifest carries a public key (wxt.config.ts), so the unpacked Chrome build always has this
 * ID. The backend allows CORS from this origin only, unless TAKEDOWN_CORS_ORIGINS says otherwise.
 */
export const EXTENSION_PUBLIC_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAwtga3DPwAqKgeO+/zcVpejgelEbhqvEiFj6PxoUmh0XaeOtw5PvOTNHV6yG9SWLGpNxmokZ9RmyYJ+bK6WFQ3TX87GnMcjIaPjE/weLM9JR+ub+aIZ6rZPPjTB+zBPFv0U3BvPNNcvDX6LW6JsVj45iIzW+aBsF3iTCIqe46eAgcE8GKQflsUGv2MksPOzyfwBRaaKCt+ysXkgmRqZygGct5isL3rE5Nauv8Gw3vxtflKz32P81XrT/2WCpm3IugPjJKqOGeTfbPYjp5FPWddrUyWP22eQmOPfR2ArJC7cB+QVq7nbhhlG6nSGm7RBMyGsa7pW/R1HwlFcFBsnhMgQIDAQAB';
export const CHROME_EXTENSION_ID = 'gmdgknhcfffboikofjmpbiifoaiggmkc';
export const CHROME_EXTENSION_ORIGIN = `chrome-extension://${CHROME_EXTENSION_ID}`;
export const FIREFOX_EXTENSION_ID = 'takedown-assistant@takedown.invalid';
