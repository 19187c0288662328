import { fileURLToPath, URL } from 'node:url'
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import vuetify from 'vite-plugin-vuetify'

export default defineConfig({
  plugins: [vue(), vuetify({ autoImport: true, styles: { configFile: 'src/styles/settings.scss' } })],
  // Vuetify is imported per component by the plugin; pre-bundling it makes the dev server reload on first load.
  optimizeDeps: { exclude: ['vuetify'] },
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  build: {
    manifest: true,
    target: 'es2022',
    rolldownOptions: {
      checks: { pluginTimings: false },
      // Code shared by two or more chunks goes into one chunk instead of a file per combination of importers:
      // each small file compresses on its own, and the many pieces cost the first page about 12 KB of gzip.
      output: { codeSplitting: { groups: [{ name: 'shared', minShareCount: 2 }] } },
    },
  },
  server: {
    port: 5173,
    strictPort: true,
    // The dev server hands everything but the app itself to the local stack, so the browser sees one origin.
    proxy: Object.fromEntries(
      ['/config.json', '/data-store', '/registry', '/search-api', '/auth-api', '/auth/realms'].map((path) => [
        path,
        { target: process.env.STACK_URL ?? 'http://127.0.0.1:8080' },
      ]),
    ),
  },
})
