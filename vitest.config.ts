import { defineConfig, mergeConfig } from 'vitest/config'
import viteConfig from './vite.config.ts'

export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      // Vitest's default is one worker fewer than the cores: one on this 2-core machine and on CI. The server
      // files each spend most of their time starting a stack, so two at once keep both cores busy.
      maxWorkers: 2,
      projects: [
        {
          extends: true,
          test: {
            name: 'unit',
            environment: 'happy-dom',
            include: ['tests/**/*.test.ts'],
            exclude: ['tests/integration/**'],
            setupFiles: ['tests/setup.ts'],
            server: { deps: { inline: ['vuetify'] } },
          },
        },
        {
          extends: true,
          test: {
            name: 'server',
            environment: 'node',
            include: ['server/tests/**/*.test.ts'],
            testTimeout: 20_000,
            // Seeds once per run; every test file's stack starts from its own copy (one seed for both projects).
            globalSetup: ['server/tests/helpers/snapshot-setup.ts'],
          },
        },
        {
          // The same server suite on a throw-away PostgreSQL server, so its SQL is proven on both engines.
          // Left out: the files about PGlite snapshots and the one that starts its own server, and the fuzzing,
          // whose 18,000 requests prove the routes, not the engine (and would add minutes).
          extends: true,
          test: {
            name: 'server-postgres',
            environment: 'node',
            include: ['server/tests/**/*.test.ts'],
            exclude: ['server/tests/snapshot.test.ts', 'server/tests/postgres.test.ts', 'server/tests/fuzz-*.test.ts'],
            testTimeout: 20_000,
            hookTimeout: 30_000,
            globalSetup: ['server/tests/helpers/postgres-setup.ts'],
          },
        },
        {
          // The console's API module against the real local stack, with real tokens, in Node.
          extends: true,
          test: {
            name: 'integration',
            environment: 'node',
            include: ['tests/integration/**/*.test.ts'],
            testTimeout: 20_000,
            globalSetup: ['server/tests/helpers/snapshot-setup.ts'],
          },
        },
      ],
    },
  }),
)
