/**
 * How the detector content script is registered at runtime (never in the manifest), and the
 * optional host permission it needs. The options page requests DETECTOR_MATCHES before
 * turning detection on; the background registers the script only once that is granted.
 */
export const DETECTOR_SCRIPT_ID = 'detector';
export const DETECTOR_MATCHES = ['http://*/*', 'https://*/*'];
/** Where WXT writes entrypoints/detector.content/index.ts. */
export const DETECTOR_JS = 'content-scripts/detector.js';
