/** Pydantic v1 error records and the small result type every validator in this folder returns. */

export interface PydanticError {
  loc: (string | number)[]
  msg: string
  type: string
  ctx?: Record<string, unknown>
}

export type Loc = (string | number)[]

export type Result<T> = { ok: true; value: T } | { ok: false; errors: PydanticError[] }

export function ok<T>(value: T): Result<T> {
  return { ok: true, value }
}

export function fail<T = never>(loc: Loc, msg: string, type: string, ctx?: Record<string, unknown>): Result<T> {
  return { ok: false, errors: [ctx ? { loc, msg, type, ctx } : { loc, msg, type }] }
}

export const missing = (loc: Loc) => fail(loc, 'field required', 'value_error.missing')
export const noneNotAllowed = (loc: Loc) => fail(loc, 'none is not an allowed value', 'type_error.none.not_allowed')
export const notADict = (loc: Loc) => fail(loc, 'value is not a valid dict', 'type_error.dict')
export const extraField = (loc: Loc): PydanticError => ({ loc, msg: 'extra fields not permitted', type: 'value_error.extra' })

/** A ValueError raised inside a validator: pydantic reports it with type `value_error` and str(exc) as msg. */
export const valueError = (loc: Loc, msg: string) => fail(loc, msg, 'value_error')
