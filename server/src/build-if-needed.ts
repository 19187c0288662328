import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

const SOURCES = ['src', 'public', 'index.html', 'vite.config.ts', 'package.json']

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), stat.mtimeMs)
}

/** True when dist is missing or older than any source it is built from. */
export function consoleBuildIsStale(root: string): boolean {
  const built = join(root, 'dist', 'index.html')
  if (!existsSync(built)) return true
  const builtAt = statSync(built).mtimeMs
  return SOURCES.some((source) => newestMtime(join(root, source)) > builtAt)
}

export async function buildConsoleIfNeeded(root: string): Promise<boolean> {
  if (!consoleBuildIsStale(root)) return false
  const { build } = await import('vite')
  await build({ root, logLevel: 'warn' })
  return true
}
