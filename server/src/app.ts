import Fastify, { type FastifyInstance } from 'fastify'
import { registerStaticConsole, type StaticConsoleOptions } from './static-console'

export interface AppOptions {
  console?: StaticConsoleOptions
  logger?: boolean
}

/** The local stack as one Fastify app, so tests can inject requests without a port. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: options.logger ?? false })
  if (options.console) await registerStaticConsole(app, options.console)
  return app
}
