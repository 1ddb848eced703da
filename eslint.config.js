// ESLint (flat config): typescript-eslint's recommended rules, and the boundaries that keep the rules pure,
// the embed loader tiny and the UI apart from the platform, written as import restrictions per folder.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import stylistic from '@stylistic/eslint-plugin';
import noLiteralText from './scripts/eslint/no-literal-text.js';

/** `no-restricted-imports` with a message per forbidden group, so that a failing import says why. */
const restrict = (...patterns) => ['error', { patterns }];
const app = (message) => ({ group: ['**/ui/**', '**/platform/**', '**/questionnaire/**', '**/cli/**', '**/embed/**', '**/i18n', '**/main'], message });
const ui = (message) => ({ group: ['**/ui/**', 'preact', 'preact/**'], message });

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
    // The law as code: no app, no DOM, no storage, no clock; today is an input.
    files: ['src/rules/**/*.ts'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: {
      'no-restricted-imports': restrict(
        app('src/rules imports nothing of the app: the UI and the CLI call the rules, never the reverse.'),
        { group: ['preact', 'preact/**', 'i18next', 'idb-keyval', 'workbox-window', 'lean-qr', 'node:*'], message: 'src/rules runs anywhere: no UI, storage or Node library.' },
      ),
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'indexedDB', 'navigator', 'location', 'Date'],
    },
  },
  {
    // embed.js is loaded by host pages: only its own folder, so that it stays within its 2 KB.
    files: ['src/embed/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict({ regex: '^(?!\\./)', message: 'src/embed imports only src/embed (embed.js stays tiny and stand-alone).' }),
    },
  },
  {
    files: ['src/platform/**/*.ts'],
    rules: { 'no-restricted-imports': restrict(ui('src/platform is the browser edge: it imports no UI.')) },
  },
  {
    files: ['src/questionnaire/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        ui('src/questionnaire is the journey without the DOM: it imports no UI.'),
        { group: ['**/platform/**', 'idb-keyval', 'workbox-window'], message: 'src/questionnaire imports no platform code.' },
      ),
    },
  },
  {
    files: ['test/**/*.ts', 'scripts/**/*.{ts,mjs}', '*.config.{ts,js}'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
