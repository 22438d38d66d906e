// @ts-check
// One ESLint config for the workspace (run by `pnpm lint` through the @jws/config package).
import { readdirSync } from 'node:fs';
import eslint from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// The data seam (docs/architecture.md): a feature's `data/` part (entities, repositories) is its own;
// other features reach it through the feature's `index.ts`. Own-feature imports are `./data/…` or
// `../data/…` and never name the feature, so one pattern per feature forbids exactly the others'.
// database/ (the entity list, migrations) and bench/ sit below the features and are exempt.
const serverFeatures = readdirSync(new URL('../apps/server/src', import.meta.url), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

export default tseslint.config(
  {
    ignores: ['**/dist/**', '**/node_modules/**', '**/coverage/**', '**/artifacts/**', 'data/**', 'apps/*/data/**', '**/*.js', '**/*.mjs', '**/*.cjs'],
  },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['apps/server/src/**/*.ts'],
    ignores: ['apps/server/src/database/**', 'apps/server/src/bench/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: serverFeatures.map((feature) => ({
            group: [`**/${feature}/data`, `**/${feature}/data/**`],
            message: `${feature}/data is the ${feature} feature's own: import what it publishes from ${feature}/index.ts (docs/architecture.md).`,
          })),
        },
      ],
    },
  },
  {
    files: ['apps/miniprogram/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error' },
  },
  {
    // Command-line programs and tests print their results.
    files: ['apps/server/src/main.ts', 'apps/server/src/bench/**', 'apps/server/src/database/migrate.ts', 'packages/wechat/src/fake-server-main.ts', 'apps/server/src/hotline12345/fake-hotline-main.ts', '**/e2e/**', '**/test/**'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['**/*.spec.ts', '**/*.service-spec.ts', '**/e2e/**'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
