import { randomBytes } from 'node:crypto'
import type { ServerResponse } from 'node:http'
import type { FastifyInstance } from 'fastify'

/**
 * The placeholder Vite writes into index.html (html.cspNonce): on its script tags and on a
 * `<meta property="csp-nonce">` the console reads for Vuetify's theme stylesheet. Replaced per response.
 */
export const CSP_NONCE_PLACEHOLDER = 'CSP-NONCE-PLACEHOLDER'

export interface ConsoleCspOptions {
  /** Origins beyond the page's own the console calls: the sign-in authority, APIs elsewhere, the bucket. */
  connectOrigins?: string[]
}

/**
 * The console's policy: scripts only from its own files, styles from its files plus the one nonced theme
 * sheet, no frames either way, no plugins, no <base> rewriting, forms posting nowhere but here.
 */
export function consoleCsp(nonce: string, options: ConsoleCspOptions = {}): string {
  const connect = ["'self'", ...new Set(options.connectOrigins ?? [])].join(' ')
  return [
    "default-src 'self'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${connect}`,
    "frame-src 'none'",
    "object-src 'none'",
    "worker-src 'none'",
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ')
}

/** A fresh nonce for one response: 128 random bits, as CSP asks. */
export function newNonce(): string {
  return randomBytes(16).toString('base64')
}

/** index.html with this response's nonce in place of Vite's placeholder. */
export function withNonce(html: string, nonce: string): string {
  return html.replaceAll(CSP_NONCE_PLACEHOLDER, nonce)
}

export const BASE_SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
} as const

/** For answers written to the raw response (oidc-provider's), which Fastify's hooks never see. */
export function setBaseSecurityHeaders(res: ServerResponse) {
  for (const [name, value] of Object.entries(BASE_SECURITY_HEADERS)) res.setHeader(name, value)
}

/**
 * Headers every answer carries, API or page: no MIME sniffing, no full URLs (which hold handle ids and search
 * text) sent to other origins, and, where no page set its own policy, one that lets nothing load or frame it.
 */
export function installSecurityHeaders(app: FastifyInstance) {
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.headers(BASE_SECURITY_HEADERS)
    if (!reply.hasHeader('content-security-policy')) reply.header('content-security-policy', "default-src 'none'; frame-ancestors 'none'")
    return payload
  })
}
