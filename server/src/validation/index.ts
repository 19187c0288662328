/**
 * Pydantic v1 and Python jsonschema as FastAPI services answer with them, for any model: the parsers, their
 * error records and the Python built-ins their messages depend on. Nothing here knows Provena's models.
 */
export type { PydanticError } from './errors'
export { jsonSchemaProblem, type Schema } from './json-schema'
export { parseFlatModel, type FieldSpec } from './flat-model'
export { wktProblem } from './wkt'
