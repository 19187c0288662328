import Fastify, { type FastifyInstance } from 'fastify'
import swagger from '@fastify/swagger'
import type { StackContext } from './context'
import { installErrorHandler } from './http/errors'
import { installSecurityHeaders } from './http/security-headers'
import { installUnstorableTextGuard } from './http/unstorable-text'
import { validatorCompiler } from './http/validator'
import { installJsonCompression } from './http/compression'
import { registerStaticConsole, type StaticConsoleOptions } from './static-console'
import { registerConsoleConfig } from './console-config'
import { datastoreRoutes } from './routes/datastore'
import { registryAgentRoutes } from './routes/registry/agents'
import { registryReleaseRoutes } from './routes/registry/releases'
import { registryDatasetAdminRoutes } from './routes/registry/dataset-admin'
import { searchRoutes } from './routes/search'
import { authApiRoutes } from './routes/auth-api'
import { outboxRoutes } from './routes/outbox'
import { storageDownloadRoutes } from './routes/storage-download'
import { s3Routes } from './s3/routes'
import { ObjectStore } from './s3/objects'

export interface AppOptions {
  console?: StaticConsoleOptions
  /** The issuer config.json names; absent means the realm on each request's origin. */
  issuer?: string
  /** The APIs; absent serves the console alone. */
  stack?: StackContext
  /** Mounts the OpenID Connect provider. */
  registerOidc?: (app: FastifyInstance) => Promise<void>
  logger?: boolean
}

/**
 * Bodies as FastAPI reads them: an empty body of any content type is no body (routes without one never look),
 * and any other content type reaches validation (422) instead of being refused with 415.
 */
function installBodyParsers(app: FastifyInstance) {
  const safeJson = app.getDefaultJsonParser('error', 'error')
  app.removeContentTypeParser('application/json')
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (body.length === 0) return done(null, undefined)
    safeJson(request, body.toString(), done)
  })
  app.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body.length === 0 ? undefined : body.toString()))
}

/** The local stack as one Fastify app, so tests can inject requests or listen on a free port. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: 2 * 1024 * 1024 })
  app.setValidatorCompiler(validatorCompiler)
  installErrorHandler(app)
  installSecurityHeaders(app)
  installUnstorableTextGuard(app)
  installBodyParsers(app)
  registerConsoleConfig(app, { issuer: options.issuer })
  const ctx = options.stack
  if (ctx) {
    await app.register(swagger, {
      openapi: { info: { title: 'Provena Data Store API (local stack)', version: '1.0.0' } },
      refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => String(json.$id ?? `def-${i}`) },
    })
    await app.register(async (apis) => {
      await installJsonCompression(apis)
      await datastoreRoutes(apis, ctx)
      // The Registry API's own paths start with /registry; its base URL here is <origin>/registry.
      await apis.register(
        async (registry) => {
          await registryAgentRoutes(registry, ctx)
          await registryReleaseRoutes(registry, ctx)
          await registryDatasetAdminRoutes(registry, ctx)
        },
        { prefix: '/registry' },
      )
      await searchRoutes(apis, ctx)
      await authApiRoutes(apis, ctx)
    })
    await storageDownloadRoutes(app, ctx)
    await app.register((s3) => s3Routes(s3, { db: ctx.db, store: new ObjectStore(ctx.db, ctx.storage), origins: ctx.consoleOrigins }), { prefix: '/s3' })
    await outboxRoutes(app, ctx)
  }
  if (options.registerOidc) await options.registerOidc(app)
  if (options.console) await registerStaticConsole(app, options.console)
  else app.setNotFoundHandler((_request, reply) => reply.code(404).send({ detail: 'Not Found' }))
  return app
}
