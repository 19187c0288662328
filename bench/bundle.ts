import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

interface ManifestChunk {
  file: string
  name?: string
  src?: string
  isEntry?: boolean
  isDynamicEntry?: boolean
  imports?: string[]
  dynamicImports?: string[]
  css?: string[]
}
type Manifest = Record<string, ManifestChunk>

/** The route a visitor lands on: `/` redirects here, so its chunk loads with the first page. */
export const LANDING_VIEW = 'src/views/DatasetListView.vue'

function gzipSize(dist: string, file: string): number {
  return gzipSync(readFileSync(join(dist, file)), { level: 9 }).length
}

/** Every file a chunk needs before it runs: itself, its CSS and its static imports, transitively. */
function closure(manifest: Manifest, key: string, files = new Set<string>()): Set<string> {
  const chunk = manifest[key]
  if (!chunk || files.has(chunk.file)) return files
  files.add(chunk.file)
  for (const css of chunk.css ?? []) files.add(css)
  for (const imported of chunk.imports ?? []) closure(manifest, imported, files)
  return files
}

export interface BundleReport {
  firstPage: { files: string[]; gzipBytes: number }
  lazyChunks: { name: string; extraGzipBytes: number }[]
}

export function measureBundle(dist: string): BundleReport {
  const manifest: Manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8'))
  const entryKey = Object.keys(manifest).find((key) => manifest[key].isEntry)
  if (!entryKey) throw new Error('The Vite manifest has no entry chunk.')
  const first = closure(manifest, entryKey)
  closure(manifest, LANDING_VIEW, first)
  const firstFiles = ['index.html', ...first]
  const size = (files: Iterable<string>) => [...files].reduce((sum, file) => sum + gzipSize(dist, file), 0)

  const lazyChunks = Object.entries(manifest)
    .filter(([key, chunk]) => chunk.isDynamicEntry && key !== LANDING_VIEW)
    .map(([key, chunk]) => {
      const extra = [...closure(manifest, key)].filter((file) => !first.has(file))
      return { name: chunk.src ?? chunk.name ?? key, extraGzipBytes: size(extra) }
    })
    .sort((a, b) => b.extraGzipBytes - a.extraGzipBytes)

  return { firstPage: { files: firstFiles, gzipBytes: size(firstFiles) }, lazyChunks }
}
