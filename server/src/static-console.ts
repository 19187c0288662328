import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { FastifyInstance, FastifyReply } from 'fastify'
import fastifyStatic from '@fastify/static'
import { consoleCsp, newNonce, withNonce } from './http/security-headers'

export interface StaticConsoleOptions {
  /** Folder of the built console (Vite's dist). */
  distDir: string
  /** The sign-in authority, when it is not on the page's own origin: the console fetches its endpoints. */
  issuer?: string
}

/** Paths owned by the APIs: a miss there is a JSON 404, never the console's index.html. */
const API_PREFIXES = ['/data-store', '/registry', '/search-api', '/auth-api', '/auth/realms', '/storage']

/** Serves the built single-page console and the history-mode fallback. */
export async function registerStaticConsole(app: FastifyInstance, options: StaticConsoleOptions) {
  if (!existsSync(join(options.distDir, 'index.html'))) {
    throw new Error(`No built console in ${options.distDir}: run "npm run build" first.`)
  }

  const connectOrigins = options.issuer ? [new URL(options.issuer).origin] : []
  // Read on every load, not cached: a rebuild is served at once, and the file is a kilobyte.
  async function sendConsole(reply: FastifyReply) {
    const nonce = newNonce()
    const html = withNonce(await readFile(join(options.distDir, 'index.html'), 'utf8'), nonce)
    return reply
      .header('cache-control', 'no-cache')
      .header('content-security-policy', consoleCsp(nonce, { connectOrigins }))
      .type('text/html; charset=utf-8')
      .send(html)
  }

  app.get('/', (_request, reply) => sendConsole(reply))

  await app.register(fastifyStatic, {
    root: options.distDir,
    index: false,
    wildcard: true,
    // The build writes .br and .gz beside each asset (vite.config.ts); uncompressed files stay for clients that ask for none.
    preCompressed: true,
    // index.html only ever goes out through sendConsole, with its nonce and policy.
    allowedPath: (path) => path !== '/index.html',
    setHeaders(reply, path) {
      // Hashed assets never change; the HTML must always be fresh so a deploy is picked up.
      reply.header('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache')
    },
  })

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0]
    const wantsPage =
      request.method === 'GET' &&
      !API_PREFIXES.some((prefix) => path.startsWith(prefix)) &&
      !/\.[a-z0-9]+$/i.test(path) &&
      (request.headers.accept ?? '').includes('text/html')
    if (wantsPage) return sendConsole(reply)
    return reply.code(404).send({ detail: 'Not Found' })
  })
}
