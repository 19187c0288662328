import { fileURLToPath } from 'node:url'
import { join } from 'node:path'
import { buildApp } from './app'
import { buildConsoleIfNeeded } from './build-if-needed'

const root = fileURLToPath(new URL('../..', import.meta.url))
const host = process.env.HOST ?? '127.0.0.1'
const port = Number(process.env.PORT ?? 8080)

if (await buildConsoleIfNeeded(root)) console.log('Built the console into dist/.')

const app = await buildApp({
  console: { distDir: join(root, 'dist'), publicOrigin: process.env.PUBLIC_ORIGIN },
  logger: process.env.LOG_REQUESTS === '1',
})

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    app.close().then(() => process.exit(0))
  })
}

await app.listen({ host, port })
const shown = host === '127.0.0.1' || host === '0.0.0.0' ? 'localhost' : host
console.log(`Provena Datastore Console: http://${shown}:${port}`)
