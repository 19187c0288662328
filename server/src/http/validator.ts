import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv'
import type { FastifySchemaCompiler } from 'fastify'
import { RequestValidationError, type PydanticError } from './errors'
import { parseCollectionFormat } from '../domain/validation'

/** Marks a body schema whose model is CollectionFormat: it is parsed with pydantic's rules, not plain JSON Schema. */
export const COLLECTION_FORMAT_MODEL = 'CollectionFormat'

// FastAPI (pydantic v1) coerces compatible values ("5" -> 5); defaults are filled in like model defaults.
const ajv = new Ajv({ coerceTypes: true, useDefaults: true, removeAdditional: false, allErrors: true, strict: false })

const TYPE_MESSAGES: Record<string, [string, string]> = {
  string: ['str type expected', 'type_error.str'],
  integer: ['value is not a valid integer', 'type_error.integer'],
  number: ['value is not a valid float', 'type_error.float'],
  boolean: ['value could not be parsed to a boolean', 'type_error.bool'],
  object: ['value is not a valid dict', 'type_error.dict'],
  array: ['value is not a valid list', 'type_error.list'],
}

function toLoc(instancePath: string): (string | number)[] {
  return instancePath
    .split('/')
    .filter(Boolean)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part.replace(/~1/g, '/').replace(/~0/g, '~')))
}

/** ajv's errors in pydantic v1's words, so one 422 format comes out of every route. */
export function pydanticErrors(errors: ErrorObject[]): PydanticError[] {
  return errors.map((e) => {
    const loc = toLoc(e.instancePath)
    switch (e.keyword) {
      case 'required':
        return { loc: [...loc, e.params.missingProperty as string], msg: 'field required', type: 'value_error.missing' }
      case 'type': {
        const [msg, type] = TYPE_MESSAGES[String(e.params.type).split(',')[0]] ?? ['invalid type', 'type_error']
        return { loc, msg, type }
      }
      case 'minimum':
        return { loc, msg: `ensure this value is greater than or equal to ${e.params.limit}`, type: 'value_error.number.not_ge', ctx: { limit_value: e.params.limit } }
      case 'maximum':
        return { loc, msg: `ensure this value is less than or equal to ${e.params.limit}`, type: 'value_error.number.not_le', ctx: { limit_value: e.params.limit } }
      case 'minLength':
        return { loc, msg: `ensure this value has at least ${e.params.limit} characters`, type: 'value_error.any_str.min_length', ctx: { limit_value: e.params.limit } }
      case 'maxLength':
        return { loc, msg: `ensure this value has at most ${e.params.limit} characters`, type: 'value_error.any_str.max_length', ctx: { limit_value: e.params.limit } }
      case 'enum':
        return {
          loc,
          msg: `value is not a valid enumeration member; permitted: ${(e.params.allowedValues as unknown[]).map((v) => `'${v}'`).join(', ')}`,
          type: 'type_error.enum',
          ctx: { enum_values: e.params.allowedValues },
        }
      case 'additionalProperties':
        return { loc: [...loc, e.params.additionalProperty as string], msg: 'extra fields not permitted', type: 'value_error.extra' }
      default:
        return { loc, msg: e.message ?? 'invalid value', type: `value_error.${e.keyword}` }
    }
  })
}

const compiled = new WeakMap<object, ValidateFunction>()

/** Fastify's validator: route schemas stay plain JSON Schema (and feed the OpenAPI document). */
export const validatorCompiler: FastifySchemaCompiler<Record<string, unknown>> = ({ schema, httpPart }) => {
  const missingBody = (data: unknown) =>
    httpPart === 'body' && (data === undefined || data === null)
      ? { error: new RequestValidationError([{ loc: [], msg: 'field required', type: 'value_error.missing' }]) }
      : undefined
  if (schema['x-model'] === COLLECTION_FORMAT_MODEL) {
    return (data: unknown) => {
      const missing = missingBody(data)
      if (missing) return missing
      const result = parseCollectionFormat(data)
      return result.ok ? { value: result.value } : { error: new RequestValidationError(result.errors) }
    }
  }
  let validate = compiled.get(schema)
  if (!validate) {
    validate = ajv.compile(schema)
    compiled.set(schema, validate)
  }
  const check = validate
  return (data: unknown) => {
    const missing = missingBody(data)
    if (missing) return missing
    if (check(data)) return { value: data }
    return { error: new RequestValidationError(pydanticErrors(check.errors ?? [])) }
  }
}
