import { defineConfig, mergeConfig } from 'vitest/config'
import viteConfig from './vite.config.ts'

export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
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
          test: { name: 'server', environment: 'node', include: ['server/tests/**/*.test.ts'], testTimeout: 20_000 },
        },
        {
          // The console's API module against the real local stack, with real tokens, in Node.
          extends: true,
          test: { name: 'integration', environment: 'node', include: ['tests/integration/**/*.test.ts'], testTimeout: 20_000 },
        },
      ],
    },
  }),
)
