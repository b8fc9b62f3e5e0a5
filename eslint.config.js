import { builtinModules } from 'node:module';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Import boundaries (DESIGN.md): each layer knows only the layers below it. They are errors.
const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const restrict = (patterns, message) => ({ group: patterns, message });

const noNodeOrNative = [
  { name: 'electron', message: 'Alleen src/main/electron en src/preload mogen electron importeren.' },
  { name: 'better-sqlite3', message: 'SQLite hoort in src/main (de backend), niet hier.' },
  ...nodeBuiltins.map((name) => ({
    name,
    message: 'Node-modules horen niet in deze laag (shared/renderer draaien overal).',
  })),
];

export default tseslint.config(
  {
    ignores: ['dist/**', '.scratch/**', 'release/**', 'node_modules/**', 'coverage/**', '.test-results/**', '.data/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always'],
      'no-console': 'error',
      // RTK Query spells "no argument" as `void` (build.query<Result, void>).
      '@typescript-eslint/no-invalid-void-type': 'off',
    },
  },
  {
    files: ['src/shared/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: noNodeOrNative,
          patterns: [
            restrict(
              ['react', 'react-dom', 'react-*', '@reduxjs/*'],
              'src/shared is pure TypeScript: no UI libraries.',
            ),
            restrict(
              ['**/main/**', '**/renderer/**', '**/preload/**', '**/central/**'],
              'src/shared imports nothing outside src/shared.',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: noNodeOrNative,
          patterns: [
            restrict(
              ['**/main/**', '**/preload/**', '**/central/**'],
              'The renderer talks to the backend only through window.cjib (src/shared/ipc).',
            ),
          ],
        },
      ],
    },
  },
  {
    // UI text comes from the i18n catalog (DESIGN.md conventions), never from a literal in a component.
    files: ['src/renderer/**/*.tsx'],
    ignores: ['src/renderer/**/*.test.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'JSXText[value=/[A-Za-zÀ-ÿ]{2,}/]',
          message: 'Tekst in de UI komt uit de i18n-catalogus: gebruik t(…).',
        },
        {
          selector:
            'JSXAttribute[name.name=/^(aria-label|title|placeholder|alt|label)$/] > Literal[value=/[A-Za-zÀ-ÿ]{2,}/]',
          message: 'Tekst in de UI komt uit de i18n-catalogus: gebruik t(…).',
        },
      ],
    },
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            restrict(
              ['**/main/**', '**/renderer/**', '**/central/**'],
              'The preload exposes the contract only (src/shared/ipc).',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/electron/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'Only src/main/electron may import electron: the backend runs in plain Node.',
            },
          ],
          patterns: [
            restrict(['**/renderer/**', '**/preload/**'], 'src/main does not import the renderer or the preload.'),
          ],
        },
      ],
    },
  },
  {
    files: ['src/main/electron/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            restrict(['**/renderer/**', '**/preload/**'], 'src/main does not import the renderer or the preload.'),
          ],
        },
      ],
    },
  },
  {
    files: ['src/central/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The central API is a server: no electron.' }],
          patterns: [
            restrict(
              ['**/main/**', '**/renderer/**', '**/preload/**'],
              'The central API shares only src/shared with the app.',
            ),
          ],
        },
      ],
    },
  },
  {
    // Node utilities both hosts use (file modes): they know nothing of either host, nor of the UI.
    files: ['src/platform/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'src/platform runs in plain Node: no electron.' }],
          patterns: [
            restrict(
              ['**/main/**', '**/central/**', '**/renderer/**', '**/preload/**', '**/shared/**'],
              'src/platform imports only Node itself.',
            ),
          ],
        },
      ],
    },
  },
  {
    // Strings that cross a boundary refuse U+0000 (src/shared/validation/text.ts): z.string() alone lets it in.
    files: ['src/shared/**/*.ts', 'src/main/**/*.ts', 'src/central/**/*.ts'],
    ignores: ['src/shared/validation/text.ts', '**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='z'][callee.property.name='string']",
          message: 'Gebruik text() uit src/shared/validation/text.ts: die weigert het nul-teken.',
        },
      ],
    },
  },
  {
    files: ['tests/**/*.ts', 'bench/**/*.ts', 'build/**/*.ts', 'src/main/start.ts', '**/*.test.{ts,tsx}'],
    rules: { 'no-console': 'off' },
  },
);
