// Lint for src/, test/ and bench/: ESLint's and typescript-eslint's recommended rules, without type
// information (the type checker already runs in `npm run build`, and a type-aware lint would parse the
// whole program a second time).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'fixtures/', 'examples/', 'queries/'] },
  {
    // A disable comment that silences nothing is an error: it would hide the next real finding.
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      // `_name` marks a value left out on purpose (a destructured field dropped, a callback's unused argument).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // Tests match text as it is printed: indentation in a pattern (`/^\+    return/`) reads as the output does.
    files: ['test/**'],
    rules: { 'no-regex-spaces': 'off' },
  },
  {
    // Plain JavaScript run by Node (the test runner, the bin script, this file).
    files: ['**/*.{js,mjs}'],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' },
    },
  },
);
