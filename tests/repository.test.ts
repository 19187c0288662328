import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const FOLDERS = ['src', 'server', 'tests', 'e2e', 'bench']
const SKIP = new Set(['node_modules', 'dist', '.data'])
const SOURCE = /\.(ts|js|mjs|vue|json|sql)$/

function* sourceFiles(folder: string): Generator<string> {
  for (const name of readdirSync(folder)) {
    if (SKIP.has(name)) continue
    const path = join(folder, name)
    if (statSync(path).isDirectory()) yield* sourceFiles(path)
    else if (SOURCE.test(name)) yield path
  }
}

/** Every quoted relative path in a file (up to a template's first placeholder), as written. */
function relativePaths(text: string): string[] {
  return [...text.matchAll(/['"`](\.\.?\/[^'"`$\n]*)/g)].map((match) => match[1])
}

function escapes(file: string, path: string): boolean {
  const target = relative(ROOT, resolve(dirname(file), path))
  return target === '..' || target.startsWith(`..${sep}`)
}

// A clone has nothing beside it: whatever the project builds, runs or tests with must be inside it.
describe('the repository is self-contained', () => {
  it('no source, test or bench file refers to a path outside the repository', () => {
    const outside: string[] = []
    for (const folder of FOLDERS) {
      for (const file of sourceFiles(join(ROOT, folder))) {
        for (const path of relativePaths(readFileSync(file, 'utf8'))) {
          if (escapes(file, path)) outside.push(`${relative(ROOT, file)}: ${path}`)
        }
      }
    }
    expect(outside).toEqual([])
  })

  it('finds such a reference when one is there', () => {
    const file = join(ROOT, 'tests', 'x.test.ts')
    const up = ['..', '..', 'shared'].join('/')
    const [path] = relativePaths(`readFileSync(new URL('${up}/contract/x.json', import.meta.url))`)
    expect(escapes(file, path)).toBe(true)
    expect(escapes(file, relativePaths(`import a from '../server/data/dataset-schema.json'`)[0])).toBe(false)
  })
})
