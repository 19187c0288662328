import type { FastifyInstance } from 'fastify'
import type { StackContext } from '../../context'
import { datastoreAccessRoutes } from './access'
import { datastoreReadRoutes } from './read'
import { datastoreRegisterRoutes } from './register'
import { datastoreReleaseRoutes } from './release'
import { datastoreStorageRoutes } from './storage'

export const DATASTORE_PREFIX = '/data-store'

/** The Data Store API's 23 routes (contract §2), mounted under /data-store. */
export async function datastoreRoutes(app: FastifyInstance, ctx: StackContext) {
  await app.register(
    async (scope) => {
      await datastoreReadRoutes(scope, ctx)
      await datastoreRegisterRoutes(scope, ctx)
      await datastoreStorageRoutes(scope, ctx)
      await datastoreReleaseRoutes(scope, ctx)
      await datastoreAccessRoutes(scope, ctx)
      scope.get('/openapi.json', { schema: { hide: true } }, async (request) => {
        const document = app.swagger() as { paths?: Record<string, unknown>; servers?: unknown }
        const paths = Object.fromEntries(
          Object.entries(document.paths ?? {})
            .filter(([path]) => path.startsWith(DATASTORE_PREFIX))
            .map(([path, spec]) => [path.slice(DATASTORE_PREFIX.length) || '/', spec]),
        )
        return { ...document, paths, servers: [{ url: `${request.protocol}://${request.host}${DATASTORE_PREFIX}` }] }
      })
    },
    { prefix: DATASTORE_PREFIX },
  )
}
