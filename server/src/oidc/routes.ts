import type { IncomingMessage, ServerResponse } from 'node:http'
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { Provider } from 'oidc-provider'
import type { Queryable } from '../db/database'
import { checkPassword } from './accounts'
import { setBaseSecurityHeaders } from '../http/security-headers'
import { loginPage, messagePage, PAGE_CSP } from './pages'

export interface OidcRouteOptions {
  provider: Provider
  db: Queryable
  /** The issuer's path, e.g. /auth/realms/provena (no trailing slash). */
  basePath: string
  realmDocument: Record<string, unknown>
}

const ALL_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']
const MAX_FORM_BYTES = 16 * 1024

function readForm(raw: IncomingMessage): Promise<URLSearchParams> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    raw.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_FORM_BYTES) {
        reject(Object.assign(new Error('Form too large'), { statusCode: 413 }))
        raw.destroy()
      } else chunks.push(chunk)
    })
    raw.on('end', () => resolve(new URLSearchParams(Buffer.concat(chunks).toString('utf8'))))
    raw.on('error', reject)
  })
}

function sendPage(reply: FastifyReply, status: number, html: string) {
  return reply
    .code(status)
    .header('cache-control', 'no-store')
    .header('content-security-policy', PAGE_CSP)
    .type('text/html; charset=utf-8')
    .send(html)
}

const expiredPage = () =>
  messagePage('Sign-in expired', 'This sign-in request has expired or was already completed. Go back to the application and sign in again.')

/** Runs a handler that writes to the raw response itself (oidc-provider), answering 500 if it throws first. */
async function hijacked(reply: FastifyReply, run: (res: ServerResponse) => Promise<void>) {
  reply.hijack()
  setBaseSecurityHeaders(reply.raw)
  try {
    await run(reply.raw)
  } catch (error) {
    console.error('oidc: interaction failed', error)
    if (!reply.raw.headersSent) {
      reply.raw.statusCode = 500
      reply.raw.setHeader('content-type', 'text/plain; charset=utf-8')
    }
    if (!reply.raw.writableEnded) reply.raw.end('Internal Server Error')
  }
}

/**
 * Mounts the provider and the sign-in pages under basePath, in an encapsulated plugin whose only body parser
 * leaves the request stream unread: oidc-provider (Koa) reads bodies itself.
 */
export async function registerOidcRoutes(app: FastifyInstance, options: OidcRouteOptions): Promise<void> {
  const { provider, db, basePath, realmDocument } = options
  const callback = provider.callback()

  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers()
    scope.addContentTypeParser('*', (_request, _payload, done) => done(null))

    // Keycloak's realm document: Provena's services read `public_key` from it.
    scope.get(basePath, async (_request, reply) => {
      reply.header('cache-control', 'no-cache')
      return realmDocument
    })

    scope.get<{ Params: { uid: string } }>(`${basePath}/interaction/:uid`, async (request, reply) => {
      const details = await provider.interactionDetails(request.raw, reply.raw).catch(() => undefined)
      if (!details || details.uid !== request.params.uid) return sendPage(reply, 400, expiredPage())
      if (details.prompt.name === 'login') {
        return sendPage(reply, 200, loginPage({ action: `${basePath}/interaction/${details.uid}/login` }))
      }
      if (details.prompt.name === 'consent') {
        // First-party clients only: grant whatever the request still misses, without a consent screen.
        const { prompt, params, session } = details
        const grant = details.grantId
          ? await provider.Grant.find(details.grantId)
          : new provider.Grant({ accountId: session?.accountId, clientId: params.client_id as string })
        if (!grant) return sendPage(reply, 400, expiredPage())
        const missing = prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[]; missingResourceScopes?: Record<string, string[]> }
        if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '))
        if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims)
        for (const [resource, scopes] of Object.entries(missing.missingResourceScopes ?? {})) grant.addResourceScope(resource, scopes.join(' '))
        const grantId = await grant.save()
        return hijacked(reply, (res) =>
          provider.interactionFinished(request.raw, res, { consent: { grantId } }, { mergeWithLastSubmission: true }),
        )
      }
      return sendPage(reply, 400, messagePage('Sign-in not possible', `This sign-in step (${details.prompt.name}) is not supported here.`))
    })

    scope.post<{ Params: { uid: string } }>(`${basePath}/interaction/:uid/login`, async (request, reply) => {
      const form = await readForm(request.raw)
      const details = await provider.interactionDetails(request.raw, reply.raw).catch(() => undefined)
      if (!details || details.uid !== request.params.uid) return sendPage(reply, 400, expiredPage())
      const username = (form.get('username') ?? '').trim()
      const password = form.get('password') ?? ''
      if (!username || !password || !(await checkPassword(db, username, password))) {
        const action = `${basePath}/interaction/${details.uid}/login`
        // 200, not 401: a browser logs every 4xx page load as a console error, which e2e checks would flag.
        return sendPage(reply, 200, loginPage({ action, username, error: 'Invalid username or password.' }))
      }
      return hijacked(reply, (res) =>
        provider.interactionFinished(request.raw, res, { login: { accountId: username } }, { mergeWithLastSubmission: false }),
      )
    })

    // Everything else under the issuer is oidc-provider's, on the raw Node request with the prefix stripped.
    // oidc-provider derives its mount path from req.originalUrl minus req.url (as under Express).
    scope.route({
      method: ALL_METHODS,
      url: `${basePath}/*`,
      handler(request, reply) {
        const raw = request.raw as IncomingMessage & { originalUrl?: string }
        const url = raw.url ?? '/'
        if (!url.startsWith(`${basePath}/`)) return reply.code(404).send({ detail: 'Not Found' })
        reply.hijack()
        setBaseSecurityHeaders(reply.raw)
        raw.originalUrl = url
        raw.url = url.slice(basePath.length)
        void callback(raw, reply.raw)
      },
    })
  })
}
