import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/', 'migrations/', 'coverage/', 'test-results/', 'playwright-report/', 'bin/', '*.config.*', '.dependency-cruiser.cjs'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The domain is pure: no I/O, no framework, nothing from the layers above it.
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/platform/**', '**/modules/**', '**/web/**', '**/cli/**'], message: 'src/domain imports nothing outside src/domain' },
            { group: ['node:*', 'fs', 'path', 'http', 'pg', 'fastify', 'drizzle-orm*', '@electric-sql/*'], message: 'src/domain does no I/O' },
          ],
        },
      ],
    },
  },
);
