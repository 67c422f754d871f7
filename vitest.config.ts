import { defineConfig } from 'vitest/config';

// Two tiers, both real: `unit` runs on generated fixtures in milliseconds; `engine` talks to the real Docker
// engine and registry that scripts/test-env.sh brought up, and is skipped (reported as skipped) without one.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/**/*.itg.test.ts'],
          // GitHub's workflow parser imports its JSON schemas without `with { type: 'json' }`, which Node
          // refuses; through Vite's transform, as in its own tests, the import works.
          server: { deps: { inline: ['@actions/workflow-parser'] } },
        },
      },
      {
        test: {
          name: 'engine',
          include: ['test/**/*.itg.test.ts'],
          testTimeout: 300_000,
          hookTimeout: 600_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
