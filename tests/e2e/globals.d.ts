/** The extension's global inside the service worker and extension pages, reached only in evaluate(). */
declare const chrome: any;
