import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { join } from 'node:path'

/** npm run dev: the local stack (APIs and provider) on :8080 beside Vite's dev server on :5173, stopped together. */
const root = fileURLToPath(new URL('../..', import.meta.url))
const children: ChildProcess[] = [
  spawn(process.execPath, ['--import', 'tsx', join(root, 'server/src/start.ts')], {
    cwd: root,
    env: { ...process.env, SERVE_CONSOLE: '0' },
    stdio: 'inherit',
  }),
  spawn(join(root, 'node_modules/.bin/vite'), [], { cwd: root, stdio: 'inherit' }),
]

let stopping = false
function stopAll(code: number) {
  if (stopping) return
  stopping = true
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM')
  process.exitCode = code
}

for (const child of children) child.once('exit', (code) => stopAll(code ?? 1))
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => stopAll(0))
