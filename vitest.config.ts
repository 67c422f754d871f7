import { defineConfig } from 'vitest/config';

// Two tiers, both real: `unit` runs on generated fixtures in milliseconds; the engine tier talks to the real
// Docker engines and registry that scripts/test-env.sh brought up, and is skipped (reported as skipped)
// without one. The engine tier runs twice, once per engine: `engine` on the engine that answers by default
// (DOCKER_HOST or the default socket: here Debian's 20.10 with the classic store), `engine-modern` on Docker 26
// with the containerd image store (scripts/engine-modern.sh; IG_MODERN_DOCKER_HOST to point it elsewhere).
// Each project runs its files one at a time; scripts/engine-tiers.sh runs the two projects side by side.
const MODERN_DOCKER_HOST =
  process.env.IG_MODERN_DOCKER_HOST ??
  `unix://${process.env.IG_MODERN_SOCKET ?? '/run/image-guard-modern/docker.sock'}`;

const engineTier = {
  include: ['test/**/*.itg.test.ts'],
  testTimeout: 300_000,
  hookTimeout: 600_000,
  fileParallelism: false,
};

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
          // Local stand-ins (the GitHub API server loads GitHub's OpenAPI description) start in a hook: on a
          // shared two-core machine that can take more than the default 10 s.
          hookTimeout: 60_000,
        },
      },
      {
        test: { name: 'engine', ...engineTier, env: { IG_ENGINE: 'classic' } },
      },
      {
        test: {
          name: 'engine-modern',
          ...engineTier,
          // The comparison of the two engines talks to both, and the pre-commit hook needs no engine: each runs
          // once, in the `engine` project.
          exclude: ['test/**/both-engines.itg.test.ts', 'test/repo/pre-commit.itg.test.ts'],
          env: { IG_ENGINE: 'modern', DOCKER_HOST: MODERN_DOCKER_HOST },
        },
      },
    ],
  },
});
