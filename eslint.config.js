// Lint: TypeScript rules plus the layer boundaries of ../shared/design/ARCHITECTURE.md —
// lib/ never imports entrypoints/ or components/, components/ never reach for browser APIs.
import tseslint from 'typescript-eslint';

const noUpwardImports = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'generated/**', 'docs/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['lib/**/*.ts', 'lib/**/*.tsx'],
    ignores: ['lib/ext/**'],
    rules: {
      ...noUpwardImports(
        ['**/entrypoints/**', '@/entrypoints/**', '~/entrypoints/**', '**/components/**', '@/components/**', '~/components/**', 'wxt/browser', 'webextension-polyfill'],
        'lib/ is pure logic: it must not import entrypoints/, components/ or browser APIs (lib/ext/ is the one exception).',
      ),
      'no-restricted-globals': ['error', { name: 'browser', message: 'lib/ must not use browser.* (use lib/ext/).' }, { name: 'chrome', message: 'lib/ must not use chrome.*.' }],
    },
  },
  {
    files: ['components/**/*.ts', 'components/**/*.tsx'],
    rules: {
      ...noUpwardImports(
        ['**/entrypoints/**', '@/entrypoints/**', 'wxt/browser', 'webextension-polyfill', '**/lib/ext/**', '@/lib/ext/**'],
        'components/ are presentational: props in, events out — no storage, messaging or browser APIs.',
      ),
      'no-restricted-globals': ['error', { name: 'browser', message: 'components/ must not use browser.*.' }, { name: 'chrome', message: 'components/ must not use chrome.*.' }],
    },
  },
);
