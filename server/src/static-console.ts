import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import fastifyStatic from '@fastify/static'

export interface StaticConsoleOptions {
  /** Folder of the built console (Vite's dist). */
  distDir: string
}

/** Paths owned by the APIs: a miss there is a JSON 404, never the console's index.html. */
const API_PREFIXES = ['/data-store', '/registry', '/search-api', '/auth-api', '/auth/realms', '/storage']

/** Serves the built single-page console and the history-mode fallback. */
export async function registerStaticConsole(app: FastifyInstance, options: StaticConsoleOptions) {
  if (!existsSync(join(options.distDir, 'index.html'))) {
    throw new Error(`No built console in ${options.distDir}: run "npm run build" first.`)
  }

  app.get('/', (_request, reply) => reply.header('cache-control', 'no-cache').sendFile('index.html'))

  await app.register(fastifyStatic, {
    root: options.distDir,
    index: false,
    wildcard: true,
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
    if (wantsPage) {
      reply.header('cache-control', 'no-cache')
      return reply.sendFile('index.html')
    }
    return reply.code(404).send({ detail: 'Not Found' })
  })
}
