/**
 * Python jsonschema's `validate(instance, schema)` (4.2x messages), for the keywords the dataset schema uses.
 * Formats are not enforced (jsonschema's default). Like `validate`, it reports jsonschema.exceptions.best_match of
 * all errors, and the returned text is str(ValidationError): the message, then the failing schema and instance
 * pretty-printed.
 */
import { pformat } from './pformat'
import { cmpCodePoints, isPlainObject, pyLen, pyRepr } from './python'

export type Schema = Record<string, unknown>
type Path = (string | number)[]

interface SchemaError {
  message: string
  validator: string
  path: Path
  schemaPath: Path
  schema: Schema
  instance: unknown
}

function isType(v: unknown, type: string): boolean {
  switch (type) {
    case 'object':
      return isPlainObject(v)
    case 'array':
      return Array.isArray(v)
    case 'string':
      return typeof v === 'string'
    case 'boolean':
      return typeof v === 'boolean'
    case 'null':
      return v === null
    case 'number':
      return typeof v === 'number'
    case 'integer':
      return typeof v === 'number' && Number.isInteger(v)
    default:
      return true
  }
}

function resolveRef(root: Schema, ref: string): Schema {
  if (!ref.startsWith('#')) throw new Error(`Unsupported $ref ${ref}`)
  let node: unknown = root
  for (const raw of ref.slice(1).split('/').filter(Boolean)) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~')
    node = (node as Schema)[key]
  }
  return node as Schema
}

function* iterErrors(root: Schema, schema: Schema, instance: unknown, path: Path, schemaPath: Path): Generator<SchemaError> {
  const error = (validator: string, message: string): SchemaError => ({
    message,
    validator,
    path,
    schemaPath: [...schemaPath, validator],
    schema,
    instance,
  })
  const obj = isPlainObject(instance) ? instance : null
  for (const [keyword, value] of Object.entries(schema)) {
    switch (keyword) {
      case '$ref':
        yield* iterErrors(root, resolveRef(root, value as string), instance, path, schemaPath)
        break
      case 'type': {
        const types = Array.isArray(value) ? (value as string[]) : [value as string]
        if (!types.some((t) => isType(instance, t))) {
          yield error(keyword, `${pyRepr(instance)} is not of type ${types.map((t) => pyRepr(t)).join(', ')}`)
        }
        break
      }
      case 'properties':
        if (obj) {
          for (const [name, sub] of Object.entries(value as Record<string, Schema>)) {
            if (Object.hasOwn(obj, name)) yield* iterErrors(root, sub, obj[name], [...path, name], [...schemaPath, keyword, name])
          }
        }
        break
      case 'required':
        if (obj) {
          for (const name of value as string[]) if (!Object.hasOwn(obj, name)) yield error(keyword, `${pyRepr(name)} is a required property`)
        }
        break
      case 'additionalProperties':
        if (obj) {
          const known = isPlainObject(schema.properties) ? schema.properties : {}
          const extras = Object.keys(obj)
            .filter((k) => !Object.hasOwn(known, k))
            .sort(cmpCodePoints)
          if (value === false && extras.length) {
            const verb = extras.length === 1 ? 'was' : 'were'
            yield error(keyword, `Additional properties are not allowed (${extras.map((k) => pyRepr(k)).join(', ')} ${verb} unexpected)`)
          } else if (isPlainObject(value)) {
            for (const k of extras) yield* iterErrors(root, value, obj[k], [...path, k], [...schemaPath, keyword])
          }
        }
        break
      case 'items':
        if (Array.isArray(instance) && isPlainObject(value)) {
          for (const [i, item] of instance.entries()) yield* iterErrors(root, value, item, [...path, i], [...schemaPath, keyword])
        }
        break
      case 'maxLength':
        if (typeof instance === 'string' && pyLen(instance) > (value as number)) {
          yield error(keyword, `${pyRepr(instance)} ${value === 0 ? 'is expected to be empty' : 'is too long'}`)
        }
        break
      case 'minLength':
        if (typeof instance === 'string' && pyLen(instance) < (value as number)) {
          yield error(keyword, `${pyRepr(instance)} ${value === 1 ? 'should be non-empty' : 'is too short'}`)
        }
        break
      case 'enum':
        if (!(value as unknown[]).some((e) => JSON.stringify(e) === JSON.stringify(instance))) {
          yield error(keyword, `${pyRepr(instance)} is not one of ${pyRepr(value)}`)
        }
        break
      default:
        break // title, description, default, format (not enforced), definitions
    }
  }
}

function cmp(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b
  return cmpCodePoints(String(a), String(b))
}

/** Python's ordering of two deques (lexicographic). */
function comparePaths(a: Path, b: Path): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const d = cmp(a[i], b[i])
    if (d !== 0) return d
  }
  return a.length - b.length
}

/**
 * jsonschema.exceptions.relevance (4.x): (-len(path), path, not weak, strong, not matches type); best_match takes
 * the max, the first one on ties.
 */
function compareRelevance(a: SchemaError, b: SchemaError): number {
  const flags = (e: SchemaError) => {
    const expected = e.schema.type
    const types = expected === undefined ? null : Array.isArray(expected) ? (expected as string[]) : [expected as string]
    const matchesType = types !== null && types.some((t) => isType(e.instance, t))
    return [e.validator === 'anyOf' || e.validator === 'oneOf' ? 0 : 1, 0, matchesType ? 0 : 1]
  }
  if (a.path.length !== b.path.length) return b.path.length - a.path.length
  const byPath = comparePaths(a.path, b.path)
  if (byPath !== 0) return byPath
  const [fa, fb] = [flags(a), flags(b)]
  const i = fa.findIndex((x, j) => x !== fb[j])
  return i < 0 ? 0 : fa[i] - fb[i]
}

function bestMatch(errors: SchemaError[]): SchemaError | null {
  let best: SchemaError | null = null
  for (const e of errors) if (best === null || compareRelevance(e, best) > 0) best = e
  return best
}

const asIndex = (word: string, path: Path) => (path.length ? `${word}[${path.map((p) => pyRepr(p)).join('][')}]` : word)
const indent = (text: string) => text.split('\n').map((line) => (line.trim() ? `    ${line}` : line)).join('\n')

/** str(jsonschema.ValidationError) */
function describe(e: SchemaError): string {
  return [
    e.message,
    '',
    `Failed validating ${pyRepr(e.validator)} in ${asIndex('schema', e.schemaPath.slice(0, -1))}:`,
    indent(pformat(e.schema)),
    '',
    `On ${asIndex('instance', e.path)}:`,
    indent(pformat(e.instance)),
  ].join('\n')
}

/** Validates any JSON value against a schema document; null when valid, else str(best_match(errors)). */
export function jsonSchemaProblem(instance: unknown, schema: Schema): string | null {
  const best = bestMatch([...iterErrors(schema, schema, instance, [], [])])
  return best ? describe(best) : null
}

