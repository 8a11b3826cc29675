// Layer rules of docs/ARCHITECTURE.md, enforced here. DO NOT RELAX the boundaries block:
// it is what keeps core/ runnable headless (CLI, worker) and the renderer free of Node.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const uiLibs = ['react', 'react-dom', 'react-dom/*', 'zustand', 'zustand/*', 'recharts'];
const coreLayer = [
  { group: [...uiLibs], message: 'core/ is UI-free.' },
  { group: ['**/electron/**', '**/renderer/**'], message: 'core/ depends on nothing of ours above it.' },
];
const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'worker_threads', 'crypto', 'http', 'net', 'stream', 'url', 'util'];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: 'readonly', process: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' } },
    rules: {
      eqeqeq: ['error', 'always'],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/explicit-module-boundary-types': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Named exports only.' }],
    },
  },
  // ---- boundaries (do not relax) ----
  {
    files: ['core/**/*.ts'],
    ignores: ['core/platform/**', 'core/**/*.test.ts', 'core/testing/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: ['electron'],
        patterns: [...coreLayer, { group: nodeBuiltins, message: 'Node APIs only in core/platform/ (inject them elsewhere).' }],
      }],
    },
  },
  {
    files: ['core/platform/**/*.ts', 'core/**/*.test.ts', 'core/testing/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: ['electron'], patterns: coreLayer }],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: ['electron'],
        patterns: [
          { group: [...nodeBuiltins, '@tensorflow/*', '@duckdb/*'], message: 'The renderer reaches the engine only through renderer/ipc.' },
          { group: ['**/electron/**'], message: 'The renderer reaches the host only through window.api / the web bridge.' },
          { group: ['**/core/**', '!**/core/protocol', '!**/core/protocol/*'], message: 'Only core/protocol may be imported by the renderer.' },
          { group: ['**/core/protocol/schemas', '**/core/protocol/dto', '**/core/protocol/ipc', '**/core/protocol/bridge', '**/core/protocol/worker', '**/core/protocol', '**/core/protocol/index'], allowTypeImports: true, message: 'Import protocol types with `import type`.' },
        ],
      }],
    },
  },
  {
    files: ['electron/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: [...uiLibs], message: 'The host has no UI code.' },
          { group: ['**/renderer/**'], message: 'The host never imports the renderer.' },
        ],
      }],
    },
  },
  {
    // The window compute worker runs in a renderer's Web Worker: engine code, but no Node and no host.
    files: ['electron/compute-worker/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: ['electron'],
        patterns: [
          { group: [...uiLibs], message: 'The compute worker has no UI code.' },
          { group: [...nodeBuiltins, '@duckdb/*', '**/core/platform/**', '**/electron/host/**', '**/electron/main/**', '**/electron/web/**', '**/electron/worker/**'], message: 'The compute worker runs in a browser Web Worker: no Node APIs, no host code.' },
          { group: ['**/renderer/**'], message: 'The compute worker never imports the renderer.' },
        ],
      }],
      // It type-checks with the Node tsconfig, so Node globals would compile; they do not exist in a Web Worker.
      'no-restricted-globals': ['error', 'Buffer', 'process', 'require', 'setImmediate', '__dirname', '__filename'],
    },
  },
  {
    // Tool configs must default-export.
    files: ['*.config.{js,ts}', 'e2e/playwright.config.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    // Plain JavaScript cannot declare return types.
    files: ['**/*.mjs'],
    rules: { '@typescript-eslint/explicit-module-boundary-types': 'off' },
  },
  {
    files: ['scripts/**/*.mjs', 'e2e/**/*.ts', 'bench/**/*.ts'],
    languageOptions: { globals: { console: 'readonly', process: 'readonly' } },
  },
);
