// One lint config for the whole tree (`npm run lint`, part of `npm test`). Formatting is Prettier's alone
// (eslint-config-prettier turns off every rule it owns).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      '.output/**',
      '.wxt/**',
      '.bench/**',
      'demo-output/**',
      'test-output/**',
      'tools/scratch/**',
      // Saved real pages and their scripts, kept byte for byte.
      'tests/fixtures/**/*.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: ['**/*.mjs', 'tools/**', 'harness/**', 'tests/**', '*.config.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    rules: {
      // An unused binding is a leftover; a leading underscore says it is unused on purpose (a listener's arguments).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      // Prettier wraps code at 120 columns but leaves comments and strings alone; comments are held to it here.
      // Strings, template literals, regular expressions and URLs may run longer: prose and patterns read better whole.
      'max-len': [
        'error',
        { code: 120, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true, ignoreUrls: true },
      ],
      // U+0000 is how the matcher and the value finder join a block's text segments (core/text), on purpose.
      'no-control-regex': 'off',
    },
  },
  {
    // What ships says nothing in the page's console (README, Privacy); the tools and tests print their reports.
    files: ['core/**', 'components/**', 'entrypoints/**', 'utils/**', 'glossary/**'],
    rules: { 'no-console': 'error' },
  },
  prettier,
);
