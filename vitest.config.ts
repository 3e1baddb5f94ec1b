import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (path: string) => fileURLToPath(new URL(`./packages/${path}`, import.meta.url));

/**
 * Tests import workspace packages from their sources (no build needed to iterate);
 * tests that spawn the CLI or serve bundles use the built `dist/` (`npm test` builds first).
 */
export default defineConfig({
  resolve: {
    alias: [
      { find: /^@onething\/engine$/, replacement: src('engine/src/index.ts') },
      { find: /^@onething\/engine\/runtime$/, replacement: src('engine/src/runtime/index.ts') },
      { find: /^@onething\/engine\/standalone$/, replacement: src('engine/src/validate/standalone-runtime.ts') },
      { find: /^@onething\/engine\/divisions$/, replacement: src('engine/src/validate/divisions/index.ts') },
      { find: /^@onething\/form-elements$/, replacement: src('form-elements/src/index.ts') },
      { find: /^@onething\/server$/, replacement: src('server/src/index.ts') },
      { find: /^@onething\/sdk$/, replacement: src('sdk/src/index.ts') },
      { find: /^@onething\/designer$/, replacement: src('designer/src/index.ts') },
      { find: /^@onething\/workbench$/, replacement: src('workbench/src/index.ts') },
    ],
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'examples/**/*.test.ts', 'docs/**/*.test.ts'],
          exclude: ['**/node_modules/**', '**/dist/**', 'packages/*/test/browser/**'],
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['packages/*/test/browser/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
