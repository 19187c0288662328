/** Provena's dataset-metadata validation layers (contract §4.3) and pydantic-style request parsing. */
export type { PydanticError } from './errors'
export { parseCollectionFormat } from './collection-format'
export { checkJsonSchema, DATASET_JSON_SCHEMA } from './json-schema'
export { checkFieldRules } from './field-rules'
export { ewktProblem } from './ewkt'
export { parseFlatModel, type FieldSpec } from './flat-model'
