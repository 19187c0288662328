/** Layer 2 of contract §4.3: the dumped CollectionFormat against the dataset schema Provena serves. */
import { readFileSync } from 'node:fs'
import { jsonSchemaProblem } from '../../validation/json-schema'
import type { CollectionFormat } from '../types'

/** The schema document as served by GET /metadata/dataset-schema inside json_schema. */
export const DATASET_JSON_SCHEMA: Record<string, unknown> = JSON.parse(
  readFileSync(new URL('../../../data/dataset-schema.json', import.meta.url), 'utf8'),
) as Record<string, unknown>

export function checkJsonSchema(cf: CollectionFormat): string | null {
  return jsonSchemaProblem(cf, DATASET_JSON_SCHEMA)
}
