import { describe, expect, it } from 'vitest'
import type { JsonSchema } from '@/api/models/common'
import { metadataChecker } from '@/metadata/validate'
import schemaFile from '../server/data/dataset-schema.json'

const EXAMPLES = import.meta.glob('../server/data/examples/*.json', { eager: true, import: 'default' })
/** One of Provena's own test payloads (server/data/examples), a fresh copy to change. */
type Payload = { associations: Record<string, unknown>; approvals: Record<string, unknown>; dataset_info: Record<string, unknown> }
const example = (name: string) => structuredClone(EXAMPLES[`../server/data/examples/${name}.json`]) as Payload
const check = metadataChecker(schemaFile as JsonSchema)
const paths = (value: unknown) => check(value).map((problem) => problem.path)

describe('metadataChecker on Provena\'s example payloads', () => {
  it('passes the two valid payloads Provena mints in its own tests', () => {
    expect(check(example('valid_ro_raw1'))).toEqual([])
    expect(check(example('valid_ro_raw2'))).toEqual([])
  })

  it('fails valid_ro_raw3 as Provena does: it has no access_info', () => {
    expect(check(example('valid_ro_raw3'))).toEqual([{ path: 'dataset_info.access_info', message: 'This field is required.' }])
  })

  it('names the extra field of invalid_ro_raw1 and the bad licence of invalid_ro_raw2', () => {
    expect(check(example('invalid_ro_raw1'))).toEqual([{ path: 'dataset_info.custom_field', message: 'The data store does not know this field; remove it.' }])
    expect(paths(example('invalid_ro_raw2'))).toContain('dataset_info.license')
  })

  it('puts the date order of invalid_date_ro_raw1 at the published date', () => {
    const payload = example('invalid_date_ro_raw1')
    delete payload.dataset_info.version
    expect(check(payload)).toEqual([{ path: 'dataset_info.published_date.value', message: 'The published date cannot be before the created date.' }])
  })
})

describe('the rules the schema does not carry', () => {
  it('a consent must be obtained exactly when it is relevant, said at the consent', () => {
    const payload = example('valid_ro_raw1')
    payload.approvals.ethics_access = { relevant: true, obtained: false }
    payload.approvals.export_controls = { relevant: false, obtained: true }
    const problems = check(payload)
    expect(problems.map((p) => p.path)).toEqual(['approvals.ethics_access.obtained', 'approvals.export_controls.obtained'])
    expect(problems[0].message).toMatch(/only with consent for its access/)
    payload.approvals.ethics_access = { relevant: true, obtained: true }
    payload.approvals.export_controls = { relevant: false, obtained: false }
    expect(check(payload)).toEqual([])
  })

  it('a relevant date needs its value; data held elsewhere needs its address and notes', () => {
    const payload = example('valid_ro_raw1')
    payload.dataset_info.created_date = { relevant: true }
    payload.dataset_info.access_info = { reposited: false }
    expect(paths(payload)).toEqual(['dataset_info.access_info.uri', 'dataset_info.access_info.description', 'dataset_info.created_date.value'])
  })

  it('empty required text, a non-http licence, blank list entries and extra metadata are refused', () => {
    const payload = example('valid_ro_raw1')
    payload.dataset_info.name = '  '
    payload.dataset_info.license = 'ftp://example.org/licence'
    payload.dataset_info.keywords = ['coral', '']
    payload.dataset_info.user_metadata = { project: '' }
    expect(paths(payload)).toEqual(['dataset_info.name', 'dataset_info.license', 'dataset_info.user_metadata', 'dataset_info.keywords'])
  })

  it('spatial and temporal values are checked for shape, order and sign', () => {
    const payload = example('valid_ro_raw1')
    payload.dataset_info.spatial_info = { coverage: 'POLYGON((0 0,1 0,1 1,0 0))', resolution: '-1', extent: 'SRID=4326;POINT(145 -17)' }
    payload.dataset_info.temporal_info = { duration: { begin_date: '2022-02-01', end_date: '2022-01-01' }, resolution: 'P1DT' }
    expect(paths(payload)).toEqual([
      'dataset_info.spatial_info.coverage',
      'dataset_info.spatial_info.resolution',
      'dataset_info.temporal_info.duration.end_date',
      'dataset_info.temporal_info.resolution',
    ])
    payload.dataset_info.spatial_info = { coverage: 'SRID=4326;POLYGON((0 0,1 0,1 1,0 0))', resolution: '0.5' }
    payload.dataset_info.temporal_info = { duration: { begin_date: '2022-01-01', end_date: '2022-01-01' }, resolution: 'P1Y2M10DT2H30M' }
    expect(check(payload)).toEqual([])
  })

  it('an impossible calendar date and a missing section are said in words', () => {
    const payload = example('valid_ro_raw1')
    payload.dataset_info.created_date = { relevant: true, value: '2021-02-30' }
    delete (payload as Partial<Payload>).approvals
    expect(check(payload)).toEqual([
      { path: 'approvals', message: 'This field is required.' },
      { path: 'dataset_info.created_date.value', message: 'Enter a real calendar date (YYYY-MM-DD).' },
    ])
  })

  it('a value of the wrong type says what was expected', () => {
    const payload = example('valid_ro_raw1')
    payload.dataset_info.name = 5
    payload.approvals.ethics_access = { relevant: 'yes', obtained: false }
    expect(check(payload)).toEqual([
      { path: 'approvals.ethics_access.relevant', message: 'Expected yes or no.' },
      { path: 'dataset_info.name', message: 'Expected text.' },
    ])
  })
})
