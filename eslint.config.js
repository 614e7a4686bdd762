// One lint configuration for the extension, the backend, the tests and the benchmarks.
// The import-boundary rules here replace the regex scans that used to live in tests/unit/boundaries.test.ts:
// a rule runs on every file the linter sees and names the offending import where it stands.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeOnly = { group: ['node:*'], message: 'Node built-ins belong to lib/server, tests and bench only.' };
const serverOnly = {
  // The relative forms catch lib/<x> reaching ../server without naming lib/ (the old regex scan missed those).
  group: ['**/lib/server', '**/lib/server/**', '@/lib/server/**', '../server', '../server/**', '../../server/**'],
  message: 'lib/server is the Node backend: extension code reaches it over HTTP (lib/backend/client.ts).',
};
const dexie = { group: ['dexie', 'dexie-react-hooks'], message: 'IndexedDB is reached through lib/db repositories.' };
/**
 * The lookup core has one public entry, lib/lookup/index.ts. Exceptions: lib/lookup itself, and its unit tests
 * (tests/unit/lookup), which test the internals the entry does not export. The adapters follow the same rule: the
 * browser's (browser-deps.ts, browser-batch.ts) live inside lib/lookup and are exported by the entry; the backend's
 * (lib/server: resolver, WHOIS socket, SQLite cache, range-coalescing fetch) import only what the entry exports.
 */
const lookupEntry = {
  group: ['**/lookup/*', '!**/lookup/index', '!**/lookup/index.ts'],
  message: 'Import the lookup core from lib/lookup (its index.ts), not from a file inside it.',
};
/** Pages may watch queries (dexie-react-hooks) but never open Dexie themselves. */
const pageDexie = { group: ['dexie'], message: 'Pages reach IndexedDB through lib/db repositories and services.' };
/** Pages read and write IndexedDB through lib/db repositories and services, never the schema or raw settings. */
const dbInternals = {
  group: ['**/lib/db/schema', '**/lib/db/settings', '**/lib/db/transfer'],
  message: 'Pages reach IndexedDB through lib/db repositories and services, not the schema or raw settings.',
};

/** A `browser.*` or `chrome.*` call is a dependency on the extension runtime: only entrypoints and lib/db may have it. */
const noExtensionApi = [
  'error',
  { selector: "MemberExpression[object.name='browser']", message: 'browser.* belongs to entrypoints; pass it in.' },
  { selector: "MemberExpression[object.name='chrome']", message: 'chrome.* belongs to entrypoints; pass it in.' },
];

export default tseslint.config(
  {
    ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'coverage/**', 'data/**', 'bench/results*.json', '**/*.snap'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'smart'],
      'no-console': 'off',
      // Caches, stores and message handlers implement async interfaces with bodies that happen to be
      // synchronous (memory, SQLite); wrapping each in Promise.resolve would add noise, not safety.
      '@typescript-eslint/require-await': 'off',
      // React event props accept async handlers; the handlers catch their own errors (useBusyAction).
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
    },
  },
  // Tests and benchmarks read JSON printed by the CLI or returned by a browser, where `any` is the honest
  // type and `expect` is the check; production code keeps the unsafe-any rules.
  {
    files: ['tests/**', 'bench/**'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      // expect(mock.method) reads a vi.fn() without calling it.
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  // Extension pages, the background and components: never the Node backend, never Node built-ins.
  {
    files: ['entrypoints/**', 'components/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [serverOnly, nodeOnly, lookupEntry, pageDexie, dbInternals] }],
    },
  },
  // The background owns the extension's database handle (it opens the schema and wires the repositories).
  {
    files: ['entrypoints/background/**', 'entrypoints/background.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [serverOnly, nodeOnly, lookupEntry] }] },
  },
  // Components take props and give callbacks: no extension APIs, no IndexedDB.
  {
    files: ['components/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [serverOnly, nodeOnly, dexie, dbInternals, lookupEntry] }],
      'no-restricted-syntax': noExtensionApi,
    },
  },
  // The content script runs on every page: no schema library, no database.
  {
    files: ['entrypoints/*.content/**', 'entrypoints/*.content.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            serverOnly,
            nodeOnly,
            dexie,
            dbInternals,
            lookupEntry,
            { group: ['zod', 'zod/*'], message: 'zod is too heavy for every page.' },
          ],
        },
      ],
    },
  },
  // The isomorphic core: no extension APIs, no Node, no Dexie (lib/db and lib/server are the exceptions).
  {
    files: ['lib/**'],
    ignores: ['lib/server/**', 'lib/db/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [serverOnly, nodeOnly, dexie, lookupEntry] }],
      'no-restricted-syntax': noExtensionApi,
    },
  },
  // Inside the lookup core its own files import each other.
  {
    files: ['lib/lookup/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [serverOnly, nodeOnly, dexie] }] },
  },
  {
    files: ['lib/db/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [serverOnly, nodeOnly, lookupEntry] }] },
  },
  // The backend, tests and benchmarks: Node is theirs, the lookup core is still reached through its entry.
  {
    files: ['lib/server/**', 'tests/**', 'bench/**'],
    ignores: ['tests/unit/lookup/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [lookupEntry] }] },
  },
  // Tests share code through tests/helpers or lib, never bench/: a benchmark is free to change what it measures.
  {
    files: ['tests/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/bench', '**/bench/**'], message: 'Move shared code to tests/helpers or lib.' }] },
      ],
    },
  },
);
