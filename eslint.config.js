// ESLint: TypeScript rules everywhere; the engine may not touch the DOM, React, zustand, d3 or the UI/state layers.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const engineBoundary = {
  patterns: [
    {
      group: ['react', 'react-dom', 'react/*', 'react-dom/*'],
      message: 'The engine is pure TypeScript: no React.',
    },
    { group: ['zustand', 'zustand/*'], message: 'The engine is pure TypeScript: no zustand.' },
    { group: ['d3', 'd3-*'], message: 'The engine is pure TypeScript: no d3.' },
    {
      group: ['**/ui/**', '**/state/**', '**/worker/**', '**/charts/**', '**/i18n/**'],
      message: 'The engine may not import the page.',
    },
  ],
};

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Use a seeded RandomStream.' },
      ],
    },
  },
  {
    files: ['src/**/*.tsx', 'src/ui/**/*.ts', 'src/state/**/*.ts', 'src/charts/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    files: ['src/engine/**/*.ts', 'src/scenarios/**/*.ts'],
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      'no-restricted-imports': ['error', engineBoundary],
      'no-restricted-globals': [
        'error',
        ...[
          'window',
          'document',
          'self',
          'postMessage',
          'navigator',
          'localStorage',
          'performance',
          'location',
          'Date',
          'setTimeout',
          'setInterval',
          'crypto',
          'globalThis',
        ].map((name) => ({
          name,
          message: 'The engine runs in the worker, the CLI and tests alike: no browser globals.',
        })),
      ],
    },
  },
);
