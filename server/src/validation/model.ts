/**
 * A small re-implementation of pydantic v1's validate_model for the shapes Provena uses: fields in declaration
 * order, then extra keys (sorted), then root validators (skip_on_failure=True). The output drops None values, as
 * `.dict(exclude_none=True)` would, and keeps declaration order.
 */
import { extraField, missing, noneNotAllowed, notADict, ok, valueError, type Loc, type PydanticError, type Result } from './errors'
import type { Validator } from './coerce'
import { cmpCodePoints, pyDict, setOwn } from './python'

export interface FieldDef {
  name: string
  validate: Validator
  /** No default: a missing key is "field required". */
  required?: boolean
  /** Value used when the key is missing and the field is not required (None when undefined). */
  default?: unknown
  /** Optional[X]: an explicit null is accepted (and dropped from the output). */
  optional?: boolean
  /** A class @validator, run after the type validator; for optional fields it also sees None. */
  post?: Validator
  /** @validator(always=True): also run when the key is missing. */
  always?: boolean
}

export interface ModelDef {
  fields: FieldDef[]
  forbidExtra: boolean
  /** Root validators (skip_on_failure=True): return an error message or null. */
  root?: ((values: Record<string, unknown>) => string | null)[]
}

const errorsOf = (r: Result<unknown>): PydanticError[] => (r.ok ? [] : r.errors)

function validateField(field: FieldDef, v: unknown, loc: Loc): Result<unknown> {
  if (v === null || v === undefined) {
    if (!field.optional) return noneNotAllowed(loc)
    return field.post ? field.post(null, loc) : ok(null)
  }
  const r = field.validate(v, loc)
  return r.ok && field.post ? field.post(r.value, loc) : r
}

export function validateModel(model: ModelDef, input: unknown, loc: Loc): Result<Record<string, unknown>> {
  const entries = pyDict(input)
  if (!entries || entries.some(([k]) => typeof k !== 'string')) return notADict(loc)
  const data = new Map(entries as [string, unknown][])
  const errors: PydanticError[] = []
  const values: Record<string, unknown> = {}
  for (const field of model.fields) {
    const fieldLoc = [...loc, field.name]
    if (!data.has(field.name)) {
      if (field.required) {
        errors.push(...errorsOf(missing(fieldLoc)))
        continue
      }
      const dflt = field.default ?? null
      if (!field.always) {
        values[field.name] = dflt
        continue
      }
      const r = validateField(field, dflt, fieldLoc)
      if (r.ok) values[field.name] = r.value
      else errors.push(...r.errors)
      continue
    }
    const r = validateField(field, data.get(field.name), fieldLoc)
    if (r.ok) values[field.name] = r.value
    else errors.push(...r.errors)
  }
  if (model.forbidExtra) {
    const known = new Set(model.fields.map((f) => f.name))
    const extra = [...data.keys()].filter((k) => !known.has(k)).sort(cmpCodePoints)
    for (const k of extra) errors.push(extraField([...loc, k]))
  }
  if (!errors.length) {
    for (const rootValidator of model.root ?? []) {
      const problem = rootValidator(values)
      if (problem !== null) {
        errors.push(...errorsOf(valueError([...loc, '__root__'], problem)))
        break
      }
    }
  }
  if (errors.length) return { ok: false, errors }
  const out: Record<string, unknown> = {}
  for (const field of model.fields) {
    const v = values[field.name]
    if (v !== null && v !== undefined) setOwn(out, field.name, v)
  }
  return ok(out)
}

/** A field whose type is another model. */
export function modelValidator(model: ModelDef): Validator<Record<string, unknown>> {
  return (v, loc) => validateModel(model, v, loc)
}
