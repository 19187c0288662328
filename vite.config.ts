import { fileURLToPath, URL } from 'node:url'
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import vuetify from 'vite-plugin-vuetify'
import { compression, defineAlgorithm } from 'vite-plugin-compression2'
import { constants } from 'node:zlib'

/** What the first page (sign-in and the dataset list) loads: the entry and the landing view. */
const FIRST_PAGE = [/[\\/]src[\\/]main\.ts$/, /[\\/]src[\\/]views[\\/]DatasetListView\.vue$/]
interface ModuleGraph {
  getModuleInfo(id: string): { importers: readonly string[]; dynamicImporters: readonly string[] } | null
}

/**
 * Names the chunk of code shared by later routes after the routes (lazy chunks) that reach it, so the editor's
 * widgets and validator load with the editor only and never make the first page or the dataset page heavier.
 * What the first page reaches is skipped (null) and falls to the `shared` group.
 */
function laterRoutesChunkName() {
  const memo = new Map<string, Set<string> | 'first-page'>()
  function reachedBy(id: string, graph: ModuleGraph): Set<string> | 'first-page' {
    const known = memo.get(id)
    if (known) return known
    memo.set(id, new Set()) // a cycle adds nothing through itself
    const info = graph.getModuleInfo(id)
    let result: Set<string> | 'first-page' = new Set(info?.dynamicImporters.length ? [id] : [])
    if (FIRST_PAGE.some((pattern) => pattern.test(id))) result = 'first-page'
    for (const importer of info?.importers ?? []) {
      if (result === 'first-page') break
      const above = reachedBy(importer, graph)
      if (above === 'first-page') result = above
      else for (const route of above) result.add(route)
    }
    memo.set(id, result)
    return result
  }
  return (id: string, graph: ModuleGraph) => {
    const routes = reachedBy(id, graph)
    if (routes === 'first-page') return null
    const names = [...routes].map((route) => route.replace(/^.*[\\/]/, '').replace(/\.(vue|ts)$/, '')).sort()
    return `routes-${names.join('-')}`
  }
}

export default defineConfig({
  plugins: [
    vue(),
    vuetify({ autoImport: true, styles: { configFile: 'src/styles/settings.scss' } }),
    // Brotli and gzip files beside each asset, made once at build time at the best level: the stack (and a
    // web server's gzip_static or brotli_static) sends them, so no load spends time compressing.
    // index.html is left out: the stack puts a fresh nonce in it on every load.
    compression({
      algorithms: [defineAlgorithm('brotliCompress', { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }), defineAlgorithm('gzip', { level: 9 })],
      exclude: [/index\.html$/],
      threshold: 1024,
      logLevel: 'silent',
    }),
  ],
  // Vuetify is imported per component by the plugin; pre-bundling it makes the dev server reload on first load.
  optimizeDeps: { exclude: ['vuetify'] },
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  // The server puts a fresh nonce in place of this on every page load (server/src/http/security-headers.ts).
  html: { cspNonce: 'CSP-NONCE-PLACEHOLDER' },
  build: {
    manifest: true,
    target: 'es2022',
    rolldownOptions: {
      checks: { pluginTimings: false },
      // Code shared by two or more chunks goes into a few chunks instead of a file per combination of importers:
      // each small file compresses on its own, and the many pieces cost the first page about 12 KB of gzip.
      output: {
        codeSplitting: {
          groups: [
            // Without includeDependenciesRecursively: false the group would pull in Vue and Vuetify, which its modules import.
            { name: laterRoutesChunkName(), minShareCount: 2, priority: 2, includeDependenciesRecursively: false },
            { name: 'shared', minShareCount: 2, priority: 1 },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    strictPort: true,
    // The dev server hands everything but the app itself to the local stack, so the browser sees one origin.
    proxy: Object.fromEntries(
      ['/config.json', '/data-store', '/registry', '/search-api', '/auth-api', '/auth/realms', '/s3', '/storage'].map((path) => [
        path,
        { target: process.env.STACK_URL ?? 'http://127.0.0.1:8080' },
      ]),
    ),
  },
})
