/**
 * Pydantic-style 422s for the small flat request models ({id: str, history_id: int, reason: str}, ...).
 *
 * Semantics (pydantic v1, lax): str accepts strings and coerces numbers/bools; int accepts ints, bools, floats
 * (truncated, as v1's int() does) and base-10 integer strings; bool as pydantic's bool_validator; object is a
 * Dict (dict() coercion). min/max are ge/le bounds for int and length bounds for str. A null is accepted only
 * for optional fields whose default is undefined/null (Optional[X] = None); a non-null default means `X = d`.
 * Extra keys are ignored (pydantic's default) and dropped, unless forbidExtra. Nulls are dropped from the value
 * (like exclude_none); missing fields with a default get it.
 */
import { boolValidator, intValidator, lengthCheck, numberBounds, strValidator, type Validator } from './coerce'
import { notADict, ok, type PydanticError } from './errors'
import { validateModel, type FieldDef } from './model'
import { pyDict, setOwn } from './python'

export type FieldSpec = Record<
  string,
  { type: 'str' | 'int' | 'bool' | 'object'; required: boolean; default?: unknown; min?: number; max?: number }
>

const objectValidator: Validator = (v, loc) => {
  const entries = pyDict(v)
  if (!entries) return notADict(loc)
  const out: Record<string, unknown> = {}
  for (const [k, x] of entries) setOwn(out, String(k), x)
  return ok(out)
}

function validatorFor(spec: FieldSpec[string]): Validator {
  switch (spec.type) {
    case 'str': {
      const toStr = strValidator(0)
      return (v, loc) => {
        const r = toStr(v, loc)
        return r.ok ? lengthCheck(r.value, loc, spec.min ?? 0, spec.max) : r
      }
    }
    case 'int': {
      const bounds = numberBounds(spec.min, spec.max)
      return (v, loc) => {
        const r = intValidator(v, loc)
        return r.ok ? bounds(r.value, loc) : r
      }
    }
    case 'bool':
      return boolValidator
    case 'object':
      return objectValidator
  }
}

export function parseFlatModel<T>(
  body: unknown,
  spec: FieldSpec,
  options: { forbidExtra?: boolean } = {},
): { ok: true; value: T } | { ok: false; errors: PydanticError[] } {
  if (body === null || body === undefined) return { ok: false, errors: [{ loc: [], msg: 'field required', type: 'value_error.missing' }] }
  const fields: FieldDef[] = Object.entries(spec).map(([name, s]) => ({
    name,
    validate: validatorFor(s),
    required: s.required,
    default: s.default,
    optional: !s.required && (s.default === undefined || s.default === null),
  }))
  const r = validateModel({ fields, forbidExtra: options.forbidExtra ?? false }, body, [])
  if (!r.ok) return r
  return { ok: true, value: r.value as T }
}
