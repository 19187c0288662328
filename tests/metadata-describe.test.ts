import { describe, expect, it } from 'vitest'
import type { JsonSchema } from '@/api/models/common'
import { describeMetadata, flattenMetadata, humanise, type MetadataNode } from '@/metadata/describe'
import schemaFile from '../server/data/dataset-schema.json'

const schema = schemaFile as JsonSchema
const EXAMPLES = import.meta.glob('../server/data/examples/*.json', { eager: true, import: 'default' })
/** A fresh copy of a contract example (sections by name), so a test may break it. */
const example = (name: string) =>
  structuredClone(EXAMPLES[`../server/data/examples/${name}.json`]) as Record<string, Record<string, unknown>>

/** The node at a path of keys, or undefined when it is hidden. */
function at(nodes: MetadataNode[], ...path: string[]): MetadataNode | undefined {
  const [key, ...rest] = path
  const node = nodes.find((n) => n.key === key)
  return rest.length ? (node?.kind === 'group' ? at(node.children, ...rest) : undefined) : node
}

function full() {
  const value = example('valid_ro_raw2')
  value.associations.data_custodian_id = 'person-1'
  value.associations.point_of_contact = 'someone@example.org\nor the front desk'
  Object.assign(value.dataset_info, {
    purpose: '',
    rights_holder: null,
    formats: [],
    spatial_info: {},
    temporal_info: { duration: { begin_date: '2020-01-01', end_date: '2020-12-31' }, resolution: 'P1D' },
    keywords: ['reef', '', 'coral'],
    user_metadata: { zeta: 'last', alpha: 'first', empty: '' },
  })
  return value
}

describe('describeMetadata', () => {
  it('gives one section per schema section, in schema order, titled from the $ref definitions', () => {
    const nodes = describeMetadata(schema, example('valid_ro_raw1'))
    expect(nodes.map((n) => [n.key, n.kind, n.title])).toEqual([
      ['associations', 'group', 'Dataset Associations'],
      ['approvals', 'group', 'Dataset Approvals'],
      ['dataset_info', 'group', 'Dataset Information'],
    ])
    expect(nodes[0]!.description).toMatch(/^Please provide information about the people and organisations/)
    expect(at(nodes, 'approvals', 'indigenous_knowledge')?.title).toBe('Indigenous Knowledge and Consent')
    expect(at(nodes, 'dataset_info', 'access_info')?.title).toBe('Access Info')
    expect(at(nodes, 'dataset_info', 'created_date')?.title).toBe('Dataset Creation Date')
  })

  it('orders fields as the schema does, whatever the order in the record', () => {
    const info = at(describeMetadata(schema, example('valid_ro_raw3')), 'dataset_info')
    expect(info?.children?.map((n) => n.key)).toEqual([
      'name', 'description', 'access_info', 'publisher_id', 'created_date', 'published_date', 'license', 'keywords',
    ])
  })

  it('hides empty optional fields and groups left with nothing to show', () => {
    const nodes = describeMetadata(schema, full())
    for (const key of ['purpose', 'rights_holder', 'formats', 'spatial_info', 'usage_limitations']) {
      expect(at(nodes, 'dataset_info', key), key).toBeUndefined()
    }
    expect(at(describeMetadata(schema, example('valid_ro_raw1')), 'associations', 'data_custodian_id')).toBeUndefined()
  })

  it('shows a missing required field as missing rather than dropping it', () => {
    // valid_ro_raw3 has no access_info, which the schema requires.
    const nodes = describeMetadata(schema, example('valid_ro_raw3'))
    expect(at(nodes, 'dataset_info', 'access_info')).toMatchObject({ kind: 'missing', title: 'Access Info' })
    const broken = example('valid_ro_raw1')
    broken.dataset_info.name = ''
    delete broken.approvals
    const brokenNodes = describeMetadata(schema, broken)
    expect(at(brokenNodes, 'dataset_info', 'name')).toMatchObject({ kind: 'missing', title: 'Dataset name' })
    expect(at(brokenNodes, 'approvals')).toMatchObject({ kind: 'missing', title: 'Dataset Approvals' })
  })

  it('fills in schema defaults the server would, so an approval check reads Relevant No, Obtained No', () => {
    const nodes = describeMetadata(schema, example('valid_ro_raw1'))
    expect(at(nodes, 'approvals', 'ethics_access')?.children).toMatchObject([
      { key: 'relevant', title: 'Relevant', kind: 'boolean', value: false },
      { key: 'obtained', title: 'Obtained', kind: 'boolean', value: false },
    ])
    expect(at(nodes, 'dataset_info', 'access_info', 'reposited')).toMatchObject({ kind: 'boolean', value: true, title: 'Data Storage' })
  })

  it('recognises url, date, boolean, list and map fields', () => {
    const nodes = describeMetadata(schema, full())
    expect(at(nodes, 'dataset_info', 'license')).toMatchObject({ kind: 'url', title: 'Usage license', value: 'https://creativecommons.org/licenses/by/4.0/' })
    expect(at(nodes, 'dataset_info', 'access_info', 'uri')).toMatchObject({ kind: 'url', title: 'Dataset URI', value: 'https://fake.url.com' })
    expect(at(nodes, 'dataset_info', 'access_info', 'reposited')).toMatchObject({ kind: 'boolean', value: false })
    expect(at(nodes, 'dataset_info', 'created_date', 'value')).toMatchObject({ kind: 'date', value: '2021-12-25' })
    expect(at(nodes, 'dataset_info', 'temporal_info', 'duration')).toMatchObject({ kind: 'group', title: 'Temporal Duration' })
    expect(at(nodes, 'dataset_info', 'temporal_info', 'duration', 'end_date')).toMatchObject({ kind: 'date', title: 'End Date' })
    expect(at(nodes, 'dataset_info', 'temporal_info', 'resolution')).toMatchObject({ kind: 'text', value: 'P1D' })
    expect(at(nodes, 'dataset_info', 'keywords')).toMatchObject({ kind: 'list', value: ['reef', 'coral'] })
    expect(at(nodes, 'dataset_info', 'user_metadata')).toMatchObject({
      kind: 'map', title: 'Custom User Metadata', value: [['alpha', 'first'], ['zeta', 'last']],
    })
  })

  it('marks registry ids as organisation or person', () => {
    const nodes = describeMetadata(schema, full())
    expect(at(nodes, 'associations', 'organisation_id')).toMatchObject({ kind: 'organisation', value: '1234', title: 'Record Creator Organisation' })
    expect(at(nodes, 'associations', 'data_custodian_id')).toMatchObject({ kind: 'person', value: 'person-1', title: 'Dataset Custodian' })
    expect(at(nodes, 'dataset_info', 'publisher_id')).toMatchObject({ kind: 'organisation', value: '1234', title: 'Publisher' })
    expect(at(nodes, 'associations', 'point_of_contact')).toMatchObject({ kind: 'text' })
  })

  it('keeps keys the schema does not know as text after the schema fields', () => {
    const legacy = example('invalid_date_ro_raw1') // carries the legacy dataset_info.version
    legacy.dataset_info.extra_object = { a: 1 }
    const info = at(describeMetadata(schema, legacy), 'dataset_info')
    expect(info?.children?.slice(-2)).toEqual([
      { key: 'version', path: ['dataset_info', 'version'], title: 'Version', kind: 'text', value: '1.2.4' },
      { key: 'extra_object', path: ['dataset_info', 'extra_object'], title: 'Extra object', kind: 'text', value: '{"a":1}' },
    ])
  })

  it('shows a value of an unexpected type as text instead of hiding it', () => {
    const old = example('valid_ro_raw1')
    old.dataset_info.created_date = '2021-12-25' // the legacy schema's plain date string
    expect(at(describeMetadata(schema, old), 'dataset_info', 'created_date')).toMatchObject({ kind: 'text', value: '2021-12-25' })
  })

  it('shows every section as missing for a record that is not an object', () => {
    expect(describeMetadata(schema, null).map((n) => n.kind)).toEqual(['missing', 'missing', 'missing'])
  })

  it('resolves a $ref wrapped in allOf with the property title winning, and reads numbers', () => {
    const custom: JsonSchema = {
      properties: {
        main: { allOf: [{ $ref: '#/definitions/Main' }], title: 'Own title' },
        count: { type: 'integer' },
      },
      definitions: { Main: { title: 'Definition title', description: 'From the definition', type: 'object', properties: { a: { type: 'string' } } } },
    }
    expect(describeMetadata(custom, { main: { a: 'x' }, count: 3 })).toMatchObject([
      { key: 'main', kind: 'group', title: 'Own title', description: 'From the definition', children: [{ key: 'a', title: 'A', kind: 'text', value: 'x' }] },
      { key: 'count', kind: 'number', title: 'Count', value: 3 },
    ])
  })

  it('marks spatial coverage and extent as shapes, and leaves the resolution as text', () => {
    const value = example('valid_ro_raw2')
    value.dataset_info.spatial_info = { coverage: 'SRID=4326;POINT(145.7 -16.9)', extent: 'not a shape', resolution: '0.1' }
    const spatial = at(describeMetadata(schema, value), 'dataset_info', 'spatial_info')
    expect(spatial?.kind === 'group' && spatial.children.map((n) => [n.key, n.kind, n.value])).toEqual([
      ['coverage', 'geometry', 'SRID=4326;POINT(145.7 -16.9)'], ['resolution', 'text', '0.1'], ['extent', 'geometry', 'not a shape'],
    ])
  })

  it('humanises keys the schema does not title', () => {
    expect(humanise('data_custodian_id')).toBe('Data custodian id')
  })
})

describe('flattenMetadata', () => {
  it('lists the visible leaves in display order with stable paths and human titles', () => {
    const leaves = flattenMetadata(schema, example('valid_ro_raw1'))
    expect(leaves.slice(0, 3)).toEqual([
      { path: ['associations', 'organisation_id'], titles: ['Dataset Associations', 'Record Creator Organisation'], kind: 'organisation', value: '1234' },
      { path: ['approvals', 'ethics_registration', 'relevant'], titles: ['Dataset Approvals', 'Dataset Registration Ethics and Privacy', 'Relevant'], kind: 'boolean', value: false },
      { path: ['approvals', 'ethics_registration', 'obtained'], titles: ['Dataset Approvals', 'Dataset Registration Ethics and Privacy', 'Obtained'], kind: 'boolean', value: false },
    ])
    expect(leaves.map((l) => l.path.join('.'))).toEqual([
      'associations.organisation_id',
      ...['ethics_registration', 'ethics_access', 'indigenous_knowledge', 'export_controls'].flatMap((c) => [
        `approvals.${c}.relevant`, `approvals.${c}.obtained`,
      ]),
      'dataset_info.name', 'dataset_info.description', 'dataset_info.access_info.reposited', 'dataset_info.publisher_id',
      'dataset_info.created_date.relevant', 'dataset_info.created_date.value',
      'dataset_info.published_date.relevant', 'dataset_info.published_date.value',
      'dataset_info.license', 'dataset_info.keywords',
    ])
    expect(leaves.find((l) => l.path.join('.') === 'dataset_info.published_date.value')?.titles)
      .toEqual(['Dataset Information', 'Dataset Publication Date', 'Value'])
  })

  it('includes missing required fields as leaves', () => {
    const leaves = flattenMetadata(schema, example('valid_ro_raw3'))
    expect(leaves.find((l) => l.path.join('.') === 'dataset_info.access_info')).toEqual({
      path: ['dataset_info', 'access_info'], titles: ['Dataset Information', 'Access Info'], kind: 'missing', value: undefined,
    })
  })
})
