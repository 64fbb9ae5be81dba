// @ts-check
/**
 * Lint configuration. Besides the usual correctness rules it enforces the architecture
 * (docs/architecture.md, "The layers"), so a boundary cannot be crossed by accident:
 *
 * - the direction of the layers (eslint/layers.js, rule `layers/direction`): src/shared imports
 *   nothing of the app; src/main/core imports only src/shared (and data in resources/); the
 *   Electron main process imports only itself, the core and src/shared; the preload and the
 *   renderer import only src/shared;
 *
 * - src/shared   imports neither `electron` nor Node built-ins (it runs in the renderer too);
 * - src/main/core never imports `electron` (it must run in plain Node, in tests and tools);
 * - src/renderer never imports src/main, `electron` or Node built-ins (it talks to the core only
 *   through the bridge);
 * - src/preload imports no Node built-ins (a sandboxed preload cannot load them);
 * - only src/main/shell/ipc.ts may touch `ipcMain` (the one registration point, which checks the
 *   sender of every call).
 *
 * ESLint applies the last matching `no-restricted-imports` / `no-restricted-syntax` setting
 * instead of merging them, so each area below lists its full set of restrictions.
 * tests/lint/boundaries.test.ts proves each rule fires.
 */
import { builtinModules } from 'node:module';
import { defineConfig } from 'eslint/config';
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import layers from './eslint/layers.js';

const NODE_BUILTINS = [...new Set(builtinModules.filter((name) => !name.startsWith('_')))];

const IPC_MAIN_MESSAGE =
  'Only src/main/shell/ipc.ts may use ipcMain: it is the one registration point and checks every sender frame.';

/** `import { ipcMain } from 'electron'` — forbidden everywhere but ipc.ts. */
const noIpcMain = { name: 'electron', importNames: ['ipcMain'], message: IPC_MAIN_MESSAGE };
/** `electron.ipcMain` through a default or namespace import. */
const noIpcMainMember = {
  selector: "MemberExpression[property.name='ipcMain']",
  message: IPC_MAIN_MESSAGE,
};

/** @param {string} message */
const noElectron = (message) => ({ name: 'electron', message });
/** @param {string} message */
const noNodeBuiltins = (message) => NODE_BUILTINS.map((name) => ({ name, message }));
/** @param {string} message */
const noNodeScheme = (message) => ({ group: ['node:*'], message });
/** `require(…)` and `import('electron' | 'node:…')` escape `no-restricted-imports`. */
/** @param {string} message */
const noRequireOrDynamicPlatformImport = (message) => [
  { selector: "CallExpression[callee.name='require']", message },
  { selector: 'ImportExpression[source.value=/^(electron|node:)/]', message },
];

const SHARED_MSG = 'src/shared is pure TypeScript shared with the renderer: no electron, no Node built-ins.';
const CORE_MSG = 'src/main/core must run in plain Node: it never imports electron.';
const RENDERER_MSG =
  'The renderer reaches the core only through the bridge (window.citizenAudit): no src/main, electron or Node imports.';
const PRELOAD_MSG = 'A sandboxed preload cannot load Node built-ins; it is a dumb bridge.';

export default defineConfig(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'coverage/**',
      // Scripts kept for the record that run against an older checkout (tests/fixtures/db/README.md).
      'tests/fixtures/**',
    ],
  },

  js.configs.recommended,
  tseslint.configs.recommended,
  // Formatting is Prettier's job (`npm run format:check`): no style rules that could disagree with it.
  prettier,

  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      parserOptions: {
        // Type information for the rules that need it (promises above all: a forgotten await
        // in IPC code silently loses an error).
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      // An async onClick is the ordinary React idiom; promises handed to other void callbacks are still reported.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-implied-eval': 'error',
      '@typescript-eslint/only-throw-error': 'error',
      '@typescript-eslint/no-for-in-array': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
      'no-restricted-imports': ['error', { paths: [noIpcMain] }],
      'no-restricted-syntax': ['error', noIpcMainMember],
    },
  },

  // The direction of the layers, for every source file (the rule knows each file's layer).
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { layers },
    rules: { 'layers/direction': 'error' },
  },

  // Plain JavaScript (config files) is not in a tsconfig: lint it without type information.
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
  },

  {
    files: ['src/main/**/*.ts', 'src/preload/**/*.ts', 'tests/**/*.ts', '*.config.ts', 'scripts/**/*.ts'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
  },

  {
    files: ['src/shared/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [noElectron(SHARED_MSG), ...noNodeBuiltins(SHARED_MSG)], patterns: [noNodeScheme(SHARED_MSG)] },
      ],
      'no-restricted-syntax': ['error', noIpcMainMember, ...noRequireOrDynamicPlatformImport(SHARED_MSG)],
    },
  },
  {
    files: ['src/main/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [noElectron(CORE_MSG)] }],
      'no-restricted-syntax': [
        'error',
        noIpcMainMember,
        { selector: "ImportExpression[source.value='electron']", message: CORE_MSG },
        { selector: "CallExpression[callee.name='require'][arguments.0.value='electron']", message: CORE_MSG },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron(RENDERER_MSG), ...noNodeBuiltins(RENDERER_MSG)],
          // Imports of src/main (or the preload) are refused by layers/direction.
          patterns: [noNodeScheme(RENDERER_MSG)],
        },
      ],
      'no-restricted-syntax': ['error', noIpcMainMember, ...noRequireOrDynamicPlatformImport(RENDERER_MSG)],
    },
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [noIpcMain, ...noNodeBuiltins(PRELOAD_MSG)], patterns: [noNodeScheme(PRELOAD_MSG)] },
      ],
    },
  },
  // The one registration point.
  {
    files: ['src/main/shell/ipc.ts'],
    rules: {
      'no-restricted-imports': 'off',
      'no-restricted-syntax': 'off',
    },
  },

  // Tests may use loose fakes.
  {
    files: ['tests/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
