import { describe, expect, it } from 'vitest'
import type { JsonSchema } from '@/api/models/common'
import { layoutFor, METADATA_UI, schemaFields, unplacedFields } from '@/metadata/uiSchema'
import schemaFile from '../server/data/dataset-schema.json'

const schema = schemaFile as JsonSchema
const withField = (definition: string, key: string, property: JsonSchema): JsonSchema => {
  const copy = structuredClone(schema)
  copy.definitions![definition].properties![key] = property
  return copy
}

describe('the UI schema against the served schema', () => {
  it('places every field of the schema we ship against, and each exactly once', () => {
    expect(unplacedFields(schema).map((f) => f.path)).toEqual([])
    const fields = schemaFields(schema).map((f) => f.path)
    for (const path of fields) {
      const owners = METADATA_UI.flatMap((s) => s.fields).filter((ui) => path === ui.path || path.startsWith(`${ui.path}.`))
      expect(owners, path).toHaveLength(1)
    }
  })

  it('names only paths the schema has', () => {
    const fields = schemaFields(schema).map((f) => f.path)
    for (const ui of METADATA_UI.flatMap((s) => s.fields)) {
      expect(fields.some((path) => path === ui.path || path.startsWith(`${ui.path}.`)), ui.path).toBe(true)
    }
  })

  it('finds a field the server adds, and shows it under Other fields with a widget for its type', () => {
    const grown = withField('CollectionFormatDatasetInfo', 'funding_body', { title: 'Funding body', type: 'string' })
    expect(unplacedFields(grown).map((f) => f.path)).toEqual(['dataset_info.funding_body'])
    const other = layoutFor(grown).at(-1)!
    expect(other).toEqual({ id: 'other', title: 'Other fields', fields: [{ path: 'dataset_info.funding_body', widget: 'text' }] })
  })

  it('drops a field the server no longer has, and a section left empty', () => {
    const shrunk = structuredClone(schema)
    delete shrunk.definitions!.CollectionFormatDatasetInfo.properties!.user_metadata
    const sections = layoutFor(shrunk)
    expect(sections.map((s) => s.id)).not.toContain('extra')
    expect(sections.map((s) => s.id)).toEqual(['associations', 'approvals', 'information', 'access', 'dates', 'coverage'])
  })
})
