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
            setupFiles: ['tests/setup.ts'],
            server: { deps: { inline: ['vuetify'] } },
          },
        },
        {
          extends: true,
          test: { name: 'server', environment: 'node', include: ['server/tests/**/*.test.ts'], testTimeout: 20_000 },
        },
      ],
    },
  }),
)
