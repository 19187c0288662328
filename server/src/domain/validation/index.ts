/** Provena's dataset-metadata validation layers (contract §4.3), built on the generic pydantic emulation in ../../validation. */
export { parseCollectionFormat } from './collection-format'
export { checkJsonSchema, DATASET_JSON_SCHEMA } from './dataset-schema'
export { checkFieldRules } from './field-rules'
export { ewktProblem } from './ewkt'
