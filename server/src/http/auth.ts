import type { FastifyReply, FastifyRequest, preValidationHookHandler } from 'fastify'
import type { Caller } from '../domain/types'
import { HttpError } from './errors'

/** Checks a bearer token (signature, issuer, audience, expiry); throws when it is not good. */
export type TokenVerifier = (token: string) => Promise<{
  preferred_username?: unknown
  email?: unknown
  realm_access?: { roles?: unknown } | undefined
}>

const BEARER = { 'WWW-Authenticate': 'Bearer' }

declare module 'fastify' {
  interface FastifyRequest {
    caller?: Caller
  }
}

/** The authenticated caller of a route guarded by requireRealmRoles. */
export function callerOf(request: FastifyRequest): Caller {
  if (!request.caller) throw new Error('Route is missing its requireRealmRoles guard.')
  return request.caller
}

/**
 * Authenticates the bearer token and requires every one of `roles`, with Provena's statuses and words
 * (401 even for a missing role). Runs before body validation, as FastAPI resolves dependencies first.
 */
export function requireRealmRoles(verify: TokenVerifier, roles: string[]): preValidationHookHandler {
  return async (request: FastifyRequest, _reply: FastifyReply) => {
    const header = request.headers.authorization ?? ''
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header)
    if (!match) throw new HttpError(401, 'Not authenticated', BEARER)
    let claims: Awaited<ReturnType<TokenVerifier>>
    try {
      claims = await verify(match[1])
    } catch {
      throw new HttpError(401, 'Could not validate credentials', BEARER)
    }
    const tokenRoles = claims.realm_access?.roles
    if (!Array.isArray(tokenRoles) || typeof claims.preferred_username !== 'string') {
      throw new HttpError(401, 'Token had incorrect structure.')
    }
    if (!roles.every((role) => tokenRoles.includes(role))) {
      throw new HttpError(401, "You are not authorised to access this resource as you don't have the correct role.")
    }
    request.caller = {
      username: claims.preferred_username,
      email: typeof claims.email === 'string' ? claims.email : null,
      roles: tokenRoles.filter((role): role is string => typeof role === 'string'),
      accessToken: match[1],
    }
  }
}
