import type { FastifyInstance } from 'fastify'
import { RequestValidationError } from './errors'

/** The JSON APIs; the S3 endpoint and the provider answer in formats of their own. */
const GUARDED = ['/data-store/', '/registry/', '/search-api/', '/auth-api/']

/**
 * Text PostgreSQL can store: no U+0000, and no half of a surrogate pair (jsonb refuses its \u escape). With the
 * u flag a surrogate pair reads as one code point, so \p{Cs} matches only an unpaired half.
 */
const storable = (text: string) => !text.includes('\u0000') && !/\p{Cs}/u.test(text)

/** Where the first unstorable text sits in a parsed value (key or string), or null. Iterative: bodies nest deep. */
export function findUnstorableText(value: unknown): (string | number)[] | null {
  const stack: [unknown, (string | number)[]][] = [[value, []]]
  while (stack.length) {
    const [current, path] = stack.pop()!
    if (typeof current === 'string') {
      if (!storable(current)) return path
    } else if (current && typeof current === 'object') {
      for (const [key, child] of Object.entries(current)) {
        const step = Array.isArray(current) ? Number(key) : key
        if (!storable(key)) return [...path, step]
        stack.push([child, [...path, step]])
      }
    }
  }
  return null
}

/**
 * PostgreSQL's text and jsonb cannot hold U+0000 or a lone surrogate (JSON allows both), so such text anywhere
 * in a request would fail deep in a query as a 500. It is refused first, as a validation error naming where.
 */
export function installUnstorableTextGuard(app: FastifyInstance) {
  app.addHook('preValidation', async (request) => {
    if (!GUARDED.some((prefix) => request.url.startsWith(prefix))) return
    for (const [part, value] of [['params', request.params], ['querystring', request.query], ['body', request.body]] as const) {
      const at = findUnstorableText(value)
      if (!at) continue
      const error = new RequestValidationError([
        { loc: at, msg: 'text may not contain the NUL character (U+0000) or half of a surrogate pair', type: 'value_error.str.unstorable' },
      ])
      error.validationContext = part
      throw error
    }
  })
}
