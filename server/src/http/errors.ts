import type { FastifyError, FastifyInstance } from 'fastify'
import { DomainError, type DomainErrorKind } from '../domain/errors'
import type { PydanticError } from '../validation/errors'

export type { PydanticError }

/** An error the routes raise on purpose, answered as FastAPI's HTTPException: `{"detail": ...}`. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly detail: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(typeof detail === 'string' ? detail : JSON.stringify(detail))
  }
}

/** A request that failed validation; `where` is the part FastAPI names first in `loc`. */
export class RequestValidationError extends Error {
  readonly statusCode = 422
  /** Set by Fastify (or the thrower) to the request part that failed: body, querystring, params or headers. */
  validationContext?: string
  constructor(readonly errors: PydanticError[]) {
    super('Request validation failed')
  }
}

/**
 * Provena's statuses for the domain's refusals. It answers most refusals with 401, even a missing role on an
 * item, and a missing item with 400 (the data store relays the registry's failed fetch), never with 404.
 */
const DOMAIN_STATUS: Record<DomainErrorKind, number> = {
  'bad-request': 400,
  'not-authorised': 401,
  forbidden: 403,
  'not-found': 400,
  server: 500,
}

const PART_NAMES: Record<string, string> = { body: 'body', querystring: 'query', params: 'path', headers: 'header' }

function validationDetail(error: RequestValidationError, context: string | undefined): PydanticError[] {
  const part = PART_NAMES[context ?? 'body'] ?? 'body'
  return error.errors.map((e) => ({ ...e, loc: [part, ...e.loc] }))
}

/** Answers every failure the way FastAPI does, so clients see Provena's shapes. */
export function installErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError & { validationContext?: string }, request, reply) => {
    if (error instanceof DomainError) {
      return reply.code(DOMAIN_STATUS[error.kind]).send({ detail: error.detail })
    }
    if (error instanceof HttpError) {
      return reply.code(error.statusCode).headers(error.headers).send({ detail: error.detail })
    }
    if (error instanceof RequestValidationError) {
      return reply.code(422).send({ detail: validationDetail(error, error.validationContext) })
    }
    if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError) {
      return reply.code(422).send({ detail: [{ loc: ['body', 0], msg: 'Expecting value: the body is not valid JSON', type: 'value_error.jsondecode' }] })
    }
    if (error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
      return reply.code(422).send({ detail: [{ loc: ['body'], msg: 'field required', type: 'value_error.missing' }] })
    }
    const status = error.statusCode ?? 500
    if (status >= 400 && status < 500) return reply.code(status).send({ detail: error.message })
    request.log.error({ err: error }, 'unhandled error')
    return reply.code(500).type('text/plain').send('Internal Server Error')
  })
}
