/**
 * What a refusal means, not how it travels: the HTTP layer turns each kind into Provena's status, so the
 * rules stay testable without a server and the one status table lives with the HTTP error handler.
 */
export type DomainErrorKind = 'bad-request' | 'not-authorised' | 'forbidden' | 'not-found' | 'server'

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    /** Provena's exact words; clients match on them. */
    readonly detail: string,
  ) {
    super(detail)
  }
}

export const badRequest = (detail: string) => new DomainError('bad-request', detail)
export const notAuthorised = (detail: string) => new DomainError('not-authorised', detail)
export const forbidden = (detail: string) => new DomainError('forbidden', detail)
export const notFound = (detail: string) => new DomainError('not-found', detail)
export const serverError = (detail: string) => new DomainError('server', detail)
