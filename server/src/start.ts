import { fileURLToPath } from 'node:url'
import { join, resolve } from 'node:path'
import { createStack } from './stack'
import { buildConsoleIfNeeded } from './build-if-needed'

const root = fileURLToPath(new URL('../..', import.meta.url))
const host = process.env.HOST ?? '127.0.0.1'
const port = Number(process.env.PORT ?? 8080)
const origin = process.env.PUBLIC_ORIGIN ?? `http://localhost:${port}`
const inMemory = process.env.DATA_DIR === ':memory:'
// npm run dev serves the console from Vite instead.
const serveConsole = process.env.SERVE_CONSOLE !== '0'

if (serveConsole && (await buildConsoleIfNeeded(root))) process.stdout.write('Built the console into dist/.\n')

const stack = await createStack({
  origin,
  extraConsoleOrigins: ['http://localhost:5173', 'http://127.0.0.1:5173'],
  dataDir: inMemory ? undefined : resolve(root, process.env.DATA_DIR ?? '.data'),
  databaseUrl: process.env.DATABASE_URL,
  distDir: serveConsole ? join(root, 'dist') : undefined,
  accessTokenTtlSeconds: process.env.ACCESS_TOKEN_TTL ? Number(process.env.ACCESS_TOKEN_TTL) : undefined,
  seed: true,
  logger: process.env.LOG_REQUESTS === '1',
})

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    stack.close().then(() => process.exit(0))
  })
}

await stack.app.listen({ host, port })
process.stdout.write(
  `Provena Datastore Console with the local stack: ${origin}  (sign in as steward/steward, reviewer/reviewer, admin/admin, reader/reader or outsider/outsider)\n`,
)
