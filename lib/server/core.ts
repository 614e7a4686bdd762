/** The one place the backend imports the isomorphic lookup core from. */
export { lookup } from '../lookup/lookup';
