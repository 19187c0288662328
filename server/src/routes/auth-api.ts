import type { FastifyInstance } from 'fastify'
import type { StackContext } from '../context'
import { requireRealmRoles } from '../http/auth'
import { REALM } from '../domain/roles'
import { linkedPerson } from '../domain/datasets'

/** The Auth API route the console calls: which registry Person a user is linked to. */
export async function authApiRoutes(app: FastifyInstance, ctx: StackContext) {
  app.get<{ Querystring: { username: string } }>(
    '/auth-api/link/user/lookup',
    {
      schema: { querystring: { type: 'object', required: ['username'], properties: { username: { type: 'string' } } } },
      preValidation: requireRealmRoles(ctx.verify, REALM.any),
    },
    async (request) => {
      const personId = await linkedPerson(ctx.db, request.query.username)
      return personId ? { success: true, person_id: personId } : { success: false, person_id: null }
    },
  )
}
