import type { FastifyInstance } from 'fastify'
import type { StackContext } from '../../context'
import { callerOf, requireRealmRoles } from '../../http/auth'
import { REALM } from '../../domain/roles'
import { adminConfigQuery } from './schemas'

/** Settings every deployment must set; GET /admin/config lists only these unless required_only=false. */
const REQUIRED_SETTINGS = ['STAGE', 'KEYCLOAK_ENDPOINT', 'REGISTRY_API_ENDPOINT', 'AUTH_API_ENDPOINT', 'S3_STORAGE_BUCKET_NAME', 'DOMAIN_BASE']

export async function datastoreAccessRoutes(app: FastifyInstance, ctx: StackContext) {
  const checks = [
    ['general', REALM.any],
    ['read', REALM.read],
    ['write', REALM.write],
    ['admin', REALM.admin],
  ] as const
  for (const [level, roles] of checks) {
    app.get(
      `/check-access/check-${level}-access`,
      { schema: { operationId: `check_${level}_access` }, preValidation: requireRealmRoles(ctx.verify, [...roles]) },
      async (request) => {
        const caller = callerOf(request)
        // Provena echoes the caller's own token back (contract §3.16).
        return { username: caller.username, email: caller.email, roles: caller.roles, access_token: caller.accessToken }
      },
    )
  }

  app.get<{ Querystring: { required_only: boolean } }>(
    '/admin/config',
    { schema: { operationId: 'generate_config_file', querystring: adminConfigQuery }, preValidation: requireRealmRoles(ctx.verify, REALM.admin) },
    async (request, reply) => {
      const lines = Object.entries(ctx.settings)
        .filter(([key, value]) => value !== undefined && (!request.query.required_only || REQUIRED_SETTINGS.includes(key)))
        .map(([key, value]) => `${key}=${value}`)
      return reply
        .header('content-disposition', 'attachment; filename="config.txt"')
        .type('text/plain; charset=utf-8')
        .send(lines.join('\n') + '\n')
    },
  )

  app.get(
    '/admin/sentry-debug',
    { schema: { operationId: 'test_sentry_reporting' }, preValidation: requireRealmRoles(ctx.verify, REALM.admin) },
    async () => ({
      message: 'Monitoring is disabled by configuration. Not going to trigger fake error. Monitoring enabled: False, and required DSN: None.',
    }),
  )
}
