import { describe, expect, it } from 'vitest'
import type { JsonSchema } from '@/api/models/common'
import type { CollectionFormat } from '@/api/models/registry'
import { changeCount, diffMetadata, type SectionDiff } from '@/metadata/diff'
import { setAt } from '@/metadata/paths'
import schemaFile from '../server/data/dataset-schema.json'
import example1 from '../server/data/examples/valid_ro_raw1.json'
import example2 from '../server/data/examples/valid_ro_raw2.json'

const schema = schemaFile as JsonSchema
const base = example1 as unknown as CollectionFormat
const changed = (sections: SectionDiff[]) => sections.flatMap((s) => s.changes)
const only = (sections: SectionDiff[]) => {
  const all = changed(sections)
  expect(all).toHaveLength(1)
  return all[0]
}

describe('diffMetadata', () => {
  it('finds nothing between a record and itself, and lists every section with its unchanged count', () => {
    const sections = diffMetadata(schema, base, structuredClone(base))
    expect(changeCount(sections)).toBe(0)
    expect(sections.map((s) => s.title)).toEqual(['Associations', 'Approvals', 'Dataset information', 'Access', 'Dates', 'Spatial and temporal coverage', 'Extra metadata'])
    expect(sections.find((s) => s.id === 'approvals')?.unchanged).toBe(4)
  })

  it('names a changed field by the schema title in its section, with both values', () => {
    const sections = diffMetadata(schema, base, setAt(base, 'dataset_info.name', 'Renamed'))
    const diff = only(sections)
    expect(diff).toMatchObject({ path: 'dataset_info.name', title: 'Dataset name', change: 'changed', before: base.dataset_info.name, after: 'Renamed' })
    expect(diff.words).toBeUndefined()
    expect(sections.find((s) => s.id === 'information')?.unchanged).toBe(9)
  })

  it('compares lists by value, not by position; a new order alone adds and removes nothing', () => {
    const before = setAt(base, 'dataset_info.keywords', ['reef', 'coral', 'survey'])
    const after = setAt(base, 'dataset_info.keywords', ['survey', 'coral', 'transect'])
    expect(only(diffMetadata(schema, before, after))).toMatchObject({ title: 'Keywords', change: 'changed', added: ['transect'], removed: ['reef'] })
    const reordered = setAt(base, 'dataset_info.keywords', ['survey', 'reef', 'coral'])
    expect(only(diffMetadata(schema, before, reordered))).toMatchObject({ change: 'changed', added: [], removed: [] })
  })

  it('compares maps by key and groups by part, titled from the schema', () => {
    const before = setAt(base, 'dataset_info.user_metadata', { site: 'Heron', depth: '5 m' })
    const after = setAt(base, 'dataset_info.user_metadata', { site: 'Lizard', method: 'video' })
    expect(only(diffMetadata(schema, before, after)).parts).toEqual([
      { key: 'site', title: 'site', change: 'changed', before: 'Heron', after: 'Lizard' },
      { key: 'depth', title: 'depth', change: 'removed', before: '5 m', after: undefined },
      { key: 'method', title: 'method', change: 'added', before: undefined, after: 'video' },
    ])
    const consent = only(diffMetadata(schema, base, setAt(base, 'approvals.ethics_access', { relevant: true, obtained: true })))
    expect(consent).toMatchObject({ title: 'Dataset Access Ethics and Privacy', change: 'changed' })
    expect(consent.parts?.map((p) => [p.title, p.change, p.before, p.after])).toEqual([
      ['Relevant', 'changed', false, true],
      ['Obtained', 'added', undefined, true],
    ])
  })

  it('says a field or a whole section was added or removed', () => {
    const withCoverage = setAt(base, 'dataset_info.spatial_info', { coverage: 'SRID=4326;POINT(145.7 -16.9)' })
    expect(only(diffMetadata(schema, base, withCoverage))).toMatchObject({ title: 'Spatial Coverage', change: 'added' })
    expect(only(diffMetadata(schema, withCoverage, base))).toMatchObject({ title: 'Spatial Coverage', change: 'removed' })
  })

  it('compares long text word by word', () => {
    const before = setAt(base, 'dataset_info.description', 'Coral cover along ten transects at Heron Reef, surveyed in 2021.')
    const after = setAt(base, 'dataset_info.description', 'Coral cover along twelve transects at Heron Reef, surveyed in 2024.')
    const words = only(diffMetadata(schema, before, after)).words!
    expect(words.filter((w) => w.change === 'removed').map((w) => w.text.trim())).toEqual(['ten', '2021'])
    expect(words.filter((w) => w.change === 'added').map((w) => w.text.trim())).toEqual(['twelve', '2024'])
    expect(words.map((w) => (w.change === 'added' ? '' : w.text)).join('')).toBe(before.dataset_info.description)
  })

  it("diffs Provena's own example payloads field by field", () => {
    const sections = diffMetadata(schema, example1, example2)
    const titles = changed(sections).map((c) => c.title)
    expect(titles.length).toBeGreaterThan(0)
    expect(titles.every((t) => !t.includes('.') && !t.includes('_'))).toBe(true)
  })

  it('shows a field the served schema adds, under Other fields', () => {
    const grown = structuredClone(schema)
    grown.definitions!.CollectionFormatDatasetInfo.properties!.funding_body = { title: 'Funding body', type: 'string' }
    const sections = diffMetadata(grown, base, setAt(base, 'dataset_info.funding_body', 'ARC'))
    expect(sections.at(-1)).toMatchObject({ title: 'Other fields', changes: [{ title: 'Funding body', change: 'added' }] })
  })
})
