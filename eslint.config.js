// `npm run lint` (run by `npm test`). Not type-aware on purpose: the whole tree lints in seconds on a 2-core
// machine, and `tsc` already checks the types.
import fs from 'node:fs';
import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const FEATURES_DIR = 'renderer/src/features';
const features = fs.readdirSync(FEATURES_DIR, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);

/**
 * The layout's boundaries (DESIGN.md §3): the backend runs in plain Node and knows no transport or window; the
 * renderer talks to it only through the contract in shared/; features reach each other only through components/
 * and stores/.
 */
const boundaryZones = [
  { target: './shared', from: ['./electron', './renderer'], message: 'shared/ is the contract: it imports neither side.' },
  { target: './electron/backend', from: ['./renderer', './electron/main', './electron/preload', './electron/http', './electron/cli'], message: 'The backend knows no transport and no window.' },
  { target: './renderer', from: './electron', message: 'The renderer reaches the backend only through shared/ and its API client.' },
  { target: ['./renderer/src/components', './renderer/src/stores', './renderer/src/api'], from: `./${FEATURES_DIR}`, message: 'Features use components/ and stores/, not the other way round.' },
  ...features.map((name) => ({
    target: `./${FEATURES_DIR}/${name}`,
    from: `./${FEATURES_DIR}`,
    except: [`./${name}`, './sections.tsx'],
    message: 'A feature reaches another only through components/ and stores/.',
  })),
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'patches/**', '**/*.cjs'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.json'] })] },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: boundaryZones }],
      // U+3000 (the ideographic space) is a character of Chinese text and labels here, not a typo
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true, skipRegExps: true, skipComments: true, skipJSXText: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['electron/backend/**', 'electron/host/**', 'electron/http/**', 'electron/cli/**', 'electron/cli.ts', 'shared/**', 'renderer/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'Only electron/main and electron/preload import electron.' }], patterns: [{ group: ['electron/*'], message: 'Only electron/main and electron/preload import electron.' }] }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['tests/**/*.ts'],
    rules: {
      // tests read the JSON a command or an HTTP reply printed; their assertions are its type check
      '@typescript-eslint/no-explicit-any': 'off',
      // Playwright reads a fixture's dependencies from its first parameter, which must be a destructuring pattern
      'no-empty-pattern': ['error', { allowObjectPatternsAsParameters: true }],
    },
  },
);
