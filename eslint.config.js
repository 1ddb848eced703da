// ESLint (flat config): typescript-eslint's recommended rules, the layout, and the boundaries that keep the rules
// pure, the embed loader tiny and the UI apart from the platform (scripts/eslint/import-boundaries.js).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import stylistic from '@stylistic/eslint-plugin';
import importBoundaries from './scripts/eslint/import-boundaries.js';
import noLiteralText from './scripts/eslint/no-literal-text.js';

/** `no-restricted-imports` with a message per forbidden group, so that a failing import says why. */
const restrict = (...patterns) => ['error', { patterns }];

export default tseslint.config(
  { ignores: ['dist/**', 'coverage/**', '.bench/**', 'node_modules/**', 'docs/**/*.js', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  // The layout: the linter's stylistic rules (one tool, fixed by `npm run lint -- --fix`), set to the style the
  // tree was written in: two spaces, single quotes, semicolons, trailing commas on multi-line lists, JSX included.
  stylistic.configs.customize({ indent: 2, quotes: 'single', semi: true, jsx: true, braceStyle: '1tbs', commaDangle: 'always-multiline', arrowParens: true }),
  {
    rules: {
      '@stylistic/max-len': ['error', { code: 150, ignoreUrls: true, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true, ignoreComments: false }],
      '@stylistic/max-statements-per-line': 'off',
      '@stylistic/multiline-ternary': 'off',
      '@stylistic/operator-linebreak': 'off',
      '@stylistic/jsx-one-expression-per-line': 'off',
      '@stylistic/jsx-wrap-multilines': 'off',
      // Short props share a line: a question's field reads as one tag, not a column of attributes.
      '@stylistic/jsx-max-props-per-line': 'off',
      '@stylistic/jsx-first-prop-new-line': 'off',
      '@stylistic/jsx-closing-bracket-location': 'off',
      '@stylistic/list-style': 'off',
      '@stylistic/quote-props': ['error', 'as-needed'],
    },
  },
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      // A condition's `holds` is three-valued: `x === null` and `x === false` are meant.
      'no-constant-binary-expression': 'error',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    // Every user-visible string comes from locales/ (French is the reference, Arabic and English follow).
    files: ['src/**/*.tsx'],
    plugins: { recourssup: { rules: { 'no-literal-text': noLiteralText } } },
    rules: { 'recourssup/no-literal-text': 'error' },
  },
  {
    // The QR library (about 5 KB) reaches the app only through the panel, which is loaded with import()
    // when asked: a static import anywhere else would put it in the first load.
    files: ['src/*.{ts,tsx}', 'src/ui/**/*.{ts,tsx}'],
    ignores: ['src/ui/qr.ts', 'src/ui/HandoffPanel.tsx'],
    rules: {
      'no-restricted-imports': restrict({
        group: ['lean-qr', 'lean-qr/**', '**/qr', '**/HandoffPanel'],
        message: 'The QR code is loaded on demand: import(\'./HandoffPanel\') only; lean-qr only in src/ui/qr.ts.',
      }),
    },
  },
  {
    files: ['src/ui/HandoffPanel.tsx'],
    rules: { 'no-restricted-imports': restrict({ group: ['lean-qr', 'lean-qr/**'], message: 'lean-qr only in src/ui/qr.ts.' }) },
  },
  {
    // The folders' boundaries, on where each import leads (scripts/eslint/import-boundaries.js).
    files: ['src/**/*.{ts,tsx}'],
    plugins: { boundaries: { rules: { imports: importBoundaries } } },
    rules: {
      'boundaries/imports': ['error', {
        zones: [
          // The law as code: no app, no DOM, no storage, no clock (today is an input), no library.
          { from: 'src/rules', allow: ['src/rules'], packages: [], message: 'src/rules imports only src/rules: the UI and the CLI call the rules, never the reverse, and the rules run anywhere.' },
          // embed.js is loaded by host pages: only its own folder, so that it stays within its 2 KB.
          { from: 'src/embed', allow: ['src/embed'], packages: [], message: 'src/embed imports only src/embed (embed.js stays tiny and stand-alone).' },
          { from: 'src/platform', deny: ['src/ui'], denyPackages: ['preact'], message: 'src/platform is the browser edge: it imports no UI.' },
          { from: 'src/questionnaire', deny: ['src/ui', 'src/platform'], denyPackages: ['preact', 'idb-keyval', 'workbox-window'], message: 'src/questionnaire is the journey without the DOM: it imports no UI and no platform code.' },
        ],
      }],
    },
  },
  {
    // Small, named modules: one over 300 lines says why at its top, with the rule disabled there.
    files: ['src/**/*.{ts,tsx}'],
    rules: { 'max-lines': ['error', { max: 300 }] },
  },
  {
    files: ['src/rules/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: {
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'indexedDB', 'navigator', 'location', 'Date', 'globalThis', 'self'],
    },
  },
  {
    files: ['test/**/*.ts', 'scripts/**/*.{ts,mjs}', '*.config.{ts,js}'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
