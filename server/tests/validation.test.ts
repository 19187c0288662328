import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkFieldRules, checkJsonSchema, DATASET_JSON_SCHEMA, ewktProblem, parseCollectionFormat } from '../src/domain/validation'
import { parseFlatModel, type FieldSpec, type PydanticError } from '../src/validation'
import type { CollectionFormat } from '../src/domain/types'

const EXAMPLES = new URL('../data/examples/', import.meta.url)
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any
const example = (name: string): Json => JSON.parse(readFileSync(new URL(`${name}.json`, EXAMPLES), 'utf8'))
const clone = <T>(v: T): T => structuredClone(v)

function parsed(body: unknown): CollectionFormat {
  const r = parseCollectionFormat(body)
  if (!r.ok) throw new Error(`expected a valid body, got ${JSON.stringify(r.errors)}`)
  return r.value
}

function errorsOf(body: unknown): PydanticError[] {
  const r = parseCollectionFormat(body)
  if (r.ok) throw new Error('expected validation errors')
  return r.errors
}

/** valid_ro_raw2 with dataset_info fields replaced. */
function withInfo(patch: Record<string, unknown>): Json {
  const body = example('valid_ro_raw2')
  Object.assign(body.dataset_info, patch)
  return body
}

const minLength = (loc: (string | number)[]): PydanticError => ({
  loc,
  msg: 'ensure this value has at least 1 characters',
  type: 'value_error.any_str.min_length',
  ctx: { limit_value: 1 },
})

describe('contract examples', () => {
  it.each(['valid_ro_raw1', 'valid_ro_raw2'])('%s passes all three layers', (name) => {
    const cf = parsed(example(name))
    expect(checkJsonSchema(cf)).toBeNull()
    expect(checkFieldRules(cf)).toBeNull()
  })

  it('valid_ro_raw3 has no access_info, which the model (and schema) require: 422 as in Provena', () => {
    expect(errorsOf(example('valid_ro_raw3'))).toEqual([
      { loc: ['dataset_info', 'access_info'], msg: 'field required', type: 'value_error.missing' },
    ])
    const body = example('valid_ro_raw3')
    body.dataset_info.access_info = { reposited: true }
    const cf = parsed(body)
    expect(checkJsonSchema(cf)).toBeNull()
    expect(checkFieldRules(cf)).toBeNull()
  })

  it('invalid_ro_raw1: the extra field is a layer 1 error', () => {
    expect(errorsOf(example('invalid_ro_raw1'))).toEqual([
      { loc: ['dataset_info', 'custom_field'], msg: 'extra fields not permitted', type: 'value_error.extra' },
    ])
  })

  it('invalid_ro_raw2: the free-text licence is a layer 1 error', () => {
    expect(errorsOf(example('invalid_ro_raw2'))).toEqual([
      { loc: ['dataset_info', 'license'], msg: 'invalid or missing URL scheme', type: 'value_error.url.scheme' },
    ])
  })

  it('invalid_date_ro_raw1: parses, but its legacy version field fails layer 2 and its dates fail layer 3', () => {
    const cf = parsed(example('invalid_date_ro_raw1'))
    expect(cf.dataset_info.version).toBe('1.2.4')
    const schema = checkJsonSchema(cf)
    expect(schema).toMatch(/^Additional properties are not allowed \('version' was unexpected\)\n\nFailed validating 'additionalProperties' in schema\['properties'\]\['dataset_info'\]:\n {4}\{'title': 'Dataset Information',/)
    expect(schema).toContain("\n\nOn instance['dataset_info']:\n    {'name': 'Coral results 2021-02-30',")
    expect(schema).toContain("'version': '1.2.4'}")
    expect(checkFieldRules(cf)).toBe('The published date cannot be before the creation date.')
    delete cf.dataset_info.version
    expect(checkJsonSchema(cf)).toBeNull()
  })
})

describe('layer 1 normalisation', () => {
  it('fills defaults, keeps declaration order and drops nulls (exclude_none)', () => {
    const body = withInfo({ access_info: {}, created_date: {}, published_date: {}, purpose: null, spatial_info: null, keywords: null })
    body.approvals.ethics_access = {}
    body.associations = { point_of_contact: null, organisation_id: 'org' }
    const cf = parsed(body)
    expect(cf.approvals.ethics_access).toEqual({ relevant: false, obtained: false })
    expect(cf.approvals.ethics_registration).toEqual({ relevant: false, obtained: false })
    expect(cf.associations).toEqual({ organisation_id: 'org' })
    expect(cf.dataset_info.access_info).toEqual({ reposited: true })
    expect(cf.dataset_info.created_date).toEqual({ relevant: false })
    expect(Object.keys(cf.dataset_info)).toEqual(['name', 'description', 'access_info', 'publisher_id', 'created_date', 'published_date', 'license'])
  })

  it('applies pydantic v1 coercions', () => {
    const body = withInfo({
      name: 42,
      access_info: { reposited: 'no', uri: 'https://x.org/data', description: 'd' },
      created_date: { relevant: 'yes', value: '2021-1-5' },
      published_date: { relevant: 1, value: '2021-01-05' },
      keywords: [1.5, true],
      user_metadata: { n: 7 },
      spatial_info: { resolution: 0.25 },
    })
    body.approvals.export_controls = { relevant: 'TRUE', obtained: 'on' }
    const info = parsed(body).dataset_info
    expect(info.name).toBe('42')
    expect(info.access_info.reposited).toBe(false)
    expect(info.created_date).toEqual({ relevant: true, value: '2021-01-05' })
    expect(info.published_date.relevant).toBe(true)
    expect(info.keywords).toEqual(['1.5', 'True'])
    expect(info.user_metadata).toEqual({ n: '7' })
    expect(info.spatial_info).toEqual({ resolution: '0.25' })
    expect(parsed(body).approvals.export_controls).toEqual({ relevant: true, obtained: true })
  })

  it('strips licence whitespace and rebuilds international hosts as pydantic does', () => {
    expect(parsed(withInfo({ license: ' https://x.org/a ' })).dataset_info.license).toBe('https://x.org/a')
    expect(parsed(withInfo({ license: 'https://例え.jp/' })).dataset_info.license).toBe('https://xn--r8jz45g.jp/')
  })

  it('keeps a __proto__ user_metadata key as data', () => {
    const body = withInfo({ user_metadata: JSON.parse('{"__proto__": "x", "a": "b"}') })
    const meta = parsed(body).dataset_info.user_metadata as Record<string, string>
    expect(Object.getPrototypeOf(meta)).toBe(Object.prototype)
    expect(Object.entries(meta)).toEqual([['__proto__', 'x'], ['a', 'b']])
  })

  it('accepts version (hidden from the schema), which then fails layer 2', () => {
    const cf = parsed(withInfo({ version: '2' }))
    expect(cf.dataset_info.version).toBe('2')
    expect(checkJsonSchema(cf)?.split('\n')[0]).toBe("Additional properties are not allowed ('version' was unexpected)")
  })
})

describe('layer 1 errors', () => {
  it('reports a missing or null body as FastAPI does, and non-dicts as type_error.dict', () => {
    expect(errorsOf(null)).toEqual([{ loc: [], msg: 'field required', type: 'value_error.missing' }])
    expect(errorsOf('x')).toEqual([{ loc: [], msg: 'value is not a valid dict', type: 'type_error.dict' }])
    expect(errorsOf(7)).toEqual([{ loc: [], msg: 'value is not a valid dict', type: 'type_error.dict' }])
    expect(errorsOf({}).map((e) => e.loc)).toEqual([['associations'], ['approvals'], ['dataset_info']])
  })

  it('reports every problem, in declaration order, extras (sorted) after fields, root validators last', () => {
    const body = withInfo({ zeta: 1, name: '', alpha: 2, access_info: { reposited: true, uri: 'https://x.org' } })
    body.zz = 1
    expect(errorsOf(body)).toEqual([
      minLength(['dataset_info', 'name']),
      {
        loc: ['dataset_info', 'access_info', '__root__'],
        msg: 'Cannot provide a URI for external access if data is reposited in the Data Store.',
        type: 'value_error',
      },
      { loc: ['dataset_info', 'alpha'], msg: 'extra fields not permitted', type: 'value_error.extra' },
      { loc: ['dataset_info', 'zeta'], msg: 'extra fields not permitted', type: 'value_error.extra' },
      { loc: ['zz'], msg: 'extra fields not permitted', type: 'value_error.extra' },
    ])
  })

  it('uses pydantic v1 type messages', () => {
    const body = withInfo({ name: [], description: null, formats: 'csv', user_metadata: 'x', keywords: [null] })
    body.approvals.ethics_access = { relevant: 'maybe' }
    body.associations = 'org'
    expect(errorsOf(body)).toEqual([
      { loc: ['associations'], msg: 'value is not a valid dict', type: 'type_error.dict' },
      { loc: ['approvals', 'ethics_access', 'relevant'], msg: 'value could not be parsed to a boolean', type: 'type_error.bool' },
      { loc: ['dataset_info', 'name'], msg: 'str type expected', type: 'type_error.str' },
      { loc: ['dataset_info', 'description'], msg: 'none is not an allowed value', type: 'type_error.none.not_allowed' },
      { loc: ['dataset_info', 'formats'], msg: 'value is not a valid list', type: 'type_error.list' },
      { loc: ['dataset_info', 'keywords', 0], msg: 'none is not an allowed value', type: 'type_error.none.not_allowed' },
      { loc: ['dataset_info', 'user_metadata'], msg: 'value is not a valid dict', type: 'type_error.dict' },
    ])
  })

  it('rejects empty strings everywhere, including list items and dict keys/values', () => {
    const body = withInfo({ keywords: ['ok', ''], formats: [''], user_metadata: { a: '', '': 'b' }, purpose: '' })
    body.associations.data_custodian_id = ''
    expect(errorsOf(body)).toEqual([
      minLength(['associations', 'data_custodian_id']),
      minLength(['dataset_info', 'purpose']),
      minLength(['dataset_info', 'formats', 0]),
      minLength(['dataset_info', 'keywords', 1]),
      minLength(['dataset_info', 'user_metadata', 'a']),
      minLength(['dataset_info', 'user_metadata', '__key__']),
    ])
  })

  it.each([
    [{ reposited: false }, 'Must provide a URI for external access if data is not reposited in the Data Store.'],
    [{ reposited: false, uri: 'https://x.org' }, 'Must provide a description for external access if data is not reposited in the Data Store.'],
    [{ uri: 'https://x.org' }, 'Cannot provide a URI for external access if data is reposited in the Data Store.'],
    [{ reposited: true, description: 'd' }, 'Cannot provide a description for external access if data is reposited in the Data Store.'],
  ])('access_info %j', (accessInfo, msg) => {
    expect(errorsOf(withInfo({ access_info: accessInfo }))).toEqual([{ loc: ['dataset_info', 'access_info', '__root__'], msg, type: 'value_error' }])
  })

  it('skips the access_info root validator when a field already failed', () => {
    expect(errorsOf(withInfo({ access_info: { reposited: false, uri: 'google.com' } }))).toEqual([
      { loc: ['dataset_info', 'access_info', 'uri'], msg: 'invalid uri or missing scheme', type: 'value_error' },
    ])
  })

  it.each([
    [{ relevant: true }, 'Must provide a date if the relevant field is set to True.'],
    [{ value: '2021-01-01' }, 'Cannot provide a date if the relevant field is set to False.'],
  ])('published_date %j', (date, msg) => {
    expect(errorsOf(withInfo({ published_date: date }))).toEqual([{ loc: ['dataset_info', 'published_date', '__root__'], msg, type: 'value_error' }])
  })

  it('validates dates as real calendar dates', () => {
    expect(errorsOf(withInfo({ created_date: { relevant: true, value: '2021-02-29' } }))).toEqual([
      { loc: ['dataset_info', 'created_date', 'value'], msg: 'invalid date format', type: 'value_error.date' },
    ])
    expect(parsed(withInfo({ created_date: { relevant: true, value: '2020-02-29' } })).dataset_info.created_date.value).toBe('2020-02-29')
  })

  it('checks temporal duration order and required dates', () => {
    const duration = (d: unknown) => withInfo({ temporal_info: { duration: d } })
    expect(errorsOf(duration({ begin_date: '2021-02-01', end_date: '2021-01-01' }))).toEqual([
      { loc: ['dataset_info', 'temporal_info', 'duration', '__root__'], msg: 'Begin Date must be before or equal to End Date.', type: 'value_error' },
    ])
    expect(parsed(duration({ begin_date: '2021-01-01', end_date: '2021-01-01' })).dataset_info.temporal_info?.duration?.end_date).toBe('2021-01-01')
    expect(errorsOf(duration({ begin_date: '2021-01-01' }))).toEqual([
      { loc: ['dataset_info', 'temporal_info', 'duration', 'end_date'], msg: 'field required', type: 'value_error.missing' },
    ])
  })

  it('limits spatial coverage/extent to 50000 characters', () => {
    expect(errorsOf(withInfo({ spatial_info: { extent: 'x'.repeat(50001) } }))).toEqual([
      {
        loc: ['dataset_info', 'spatial_info', 'extent'],
        msg: 'ensure this value has at most 50000 characters',
        type: 'value_error.any_str.max_length',
        ctx: { limit_value: 50000 },
      },
    ])
    expect(parsed(withInfo({ spatial_info: { coverage: 'x'.repeat(50000) } })).dataset_info.spatial_info?.coverage).toHaveLength(50000)
  })

  it.each([
    ['P1Y2M10DT2H30M', true],
    ['PT0.5S', true],
    ['P1W', true],
    ['P2DT1.5H', true],
    ['-P1D', true],
    ['P0003-06-04T12:30:05', true],
    ['P', false],
    ['P1Y2', false],
    ['PT1H2D', false],
    ['1Y', false],
    ['p1y', false],
    ['P1.5', false],
  ])('temporal resolution %j valid=%s', (resolution, valid) => {
    const r = parseCollectionFormat(withInfo({ temporal_info: { resolution } }))
    expect(r.ok).toBe(valid)
    if (!r.ok) expect(r.errors[0].msg).toMatch(/^Invalid temporal resolution\. The value must conform to the ISO8601 Time Duration format \(e\.g\.'P1Y2M10DT2H30M'\)\. Details: /)
  })
})

describe('layer 3 (validate_fields)', () => {
  const cf = () => parsed(example('valid_ro_raw1'))

  it('accepts relevant == obtained and equal dates', () => {
    const ok = cf()
    ok.approvals.ethics_access = { relevant: true, obtained: true }
    expect(checkFieldRules(ok)).toBeNull()
  })

  it('rejects a published date before the created date only when both have values', () => {
    const bad = cf()
    bad.dataset_info.published_date = { relevant: true, value: '2021-12-24' }
    expect(checkFieldRules(bad)).toBe('The published date cannot be before the creation date.')
    bad.dataset_info.created_date = { relevant: false }
    expect(checkFieldRules(bad)).toBeNull()
  })

  it.each([
    ['ethics_registration', true, "You cannot register a dataset which contains data subject to ethics and privacy concerns without appropriate permissions and consent for it's registration."],
    ['ethics_registration', false, 'The dataset was marked as having permissions and consent for ethics and privacy concerns but was not marked as containing ethics and privacy sensitive data. Please update the dataset to clarify.'],
    ['ethics_access', true, "You cannot register a dataset which contains data subject to ethics and privacy concerns without appropriate permissions and consent for it's access in the system."],
    ['indigenous_knowledge', true, 'Please obtain mandatory consent from the relevant Indigenous community for the Indigenous knowledge before registering this dataset.'],
    ['indigenous_knowledge', false, 'The dataset does not contain Indigenous knowledge, but consent has been obtained. Please update the dataset to indicate if it contains Indigenous knowledge.'],
    ['export_controls', true, 'You have marked this dataset as being subject to export controls but have not performed the necessary due diligence checks and acquired approvals. The dataset cannot be registered.'],
    ['export_controls', false, 'The dataset was marked as not containing sensitive data but has obtained consents. Please update the dataset to indicate whether it is subject to export controls.'],
  ] as const)('%s relevant=%s but obtained=%s', (check, relevant, message) => {
    const bad = cf()
    bad.approvals[check] = { relevant, obtained: !relevant }
    expect(checkFieldRules(bad)).toBe(message)
  })
})

describe('DATASET_JSON_SCHEMA', () => {
  it('is the contract schema document', () => {
    const contract = JSON.parse(readFileSync(new URL('../dataset-schema.json', EXAMPLES), 'utf8'))
    expect(DATASET_JSON_SCHEMA).toEqual(contract)
    expect(Object.keys(DATASET_JSON_SCHEMA.definitions as object)).toHaveLength(13)
  })

  it('does not enforce formats', () => {
    const cf = parsed(example('valid_ro_raw1'))
    expect(checkJsonSchema({ ...cf, dataset_info: { ...cf.dataset_info, license: 'not a uri' } })).toBeNull()
  })
})

describe('ewktProblem', () => {
  it.each([
    'SRID=4326;POINT(145.0 -37.8)',
    'SRID=4326;POLYGON((0 0,1 0,1 1,0 1,0 0))',
    'SRID=4326;MULTIPOLYGON(((0 0,1 0,1 1,0 0)),((2 2,3 2,3 3,2 2)),EMPTY)',
    'SRID=4326;polygon ((0 0, 1 0, 1 1, 0 0), (0.1 0.1, 0.2 0.1, 0.2 0.2, 0.1 0.1))',
    'SRID=4326;POINT Z (1 2 3)',
    'SRID=4326;POINT ZM (1 2 3 4)',
    'SRID=4326;POINT (1 2 3)',
    'SRID=4326;POINT EMPTY',
    'SRID=4326;LINESTRING(1e3 -2.5E-2, +3 .5)',
    'SRID=4326;MULTIPOINT(1 2, 3 4)',
    'SRID=4326;MULTIPOINT((1 2), EMPTY)',
    'SRID=4326;MULTILINESTRING((0 0,1 1),(2 2,3 3))',
    'SRID=4326;GEOMETRYCOLLECTION(POINT(1 2),LINESTRING(0 0,1 1),GEOMETRYCOLLECTION EMPTY)',
    'SRID=3857;POINT(1 2)\nanything after the first line is ignored, as with re.match',
  ])('%j is valid', (value) => {
    expect(ewktProblem(value)).toBeNull()
  })

  const format = "Invalid EWKT format recieved. Please use the E-WKT standard of: 'SRID=<SRID>;<WKT Formatted Geometry>'. Where the SRID is an integer number."
  const geometry = 'Invalid EWKT format. Failed to parse the geometry inside of the EWKT string. Details: '
  it.each([
    ['POINT(1 2)', format],
    ['SRID=abc;POINT(1 2)', format],
    [' SRID=4326;POINT(1 2)', format],
    ['SRID=4326;', format],
    ['garbage', format],
    ['SRID=99999;POINT(1 2)', 'Invalid SRID integer provided. Details: Invalid projection: epsg:99999: (Internal Proj Error: proj_create: crs not found)'],
    ['SRID=12;POINT(1 2)', 'Invalid SRID integer provided. Details: Invalid projection: epsg:12: (Internal Proj Error: proj_create: crs not found)'],
    ['SRID=4326;POLYGON((0 0,1 0,1 1))', `${geometry}IllegalArgumentException: Points of LinearRing do not form a closed linestring`],
    ['SRID=4326;POLYGON((0 0,1 0,0 0))', `${geometry}IllegalArgumentException: Invalid number of points in LinearRing found 3 - must be 0 or >= 4`],
    ['SRID=4326;LINESTRING(0 0)', `${geometry}IllegalArgumentException: point array must contain 0 or >1 elements`],
    ['SRID=4326;POINT(1)', `${geometry}ParseException: Expected number but encountered ')'`],
    ['SRID=4326;POINT Z (1 2)', `${geometry}ParseException: Expected number but encountered ')'`],
    ['SRID=4326;POINT(1 2', `${geometry}ParseException: Expected ')' but encountered end of stream`],
    ['SRID=4326;CIRCLE(1 2)', `${geometry}ParseException: Unknown type: 'CIRCLE'`],
    ['SRID=4326;POINT(1 2) trailing', `${geometry}ParseException: Unexpected text after end of geometry`],
    ['SRID=4326;POINT 1 2', `${geometry}ParseException: Expected 'EMPTY' or '(' but encountered number: 1`],
    ['SRID=4326;LINESTRING(0 0;1 1)', `${geometry}ParseException: Expected ')' or ',' but encountered word: ';1'`],
    ['SRID=4326;((', `${geometry}ParseException: Expected word but encountered '('`],
  ])('%j', (value, message) => {
    expect(ewktProblem(value)).toBe(message)
  })

  it('never throws', () => {
    fc.assert(fc.property(fc.string(), (s) => void ewktProblem(`SRID=4326;${s}`)), { numRuns: 300 })
    expect(ewktProblem(`SRID=4326;${'GEOMETRYCOLLECTION('.repeat(5000)}`)).toMatch(/^Invalid EWKT format\. Failed to parse/)
  })
})

describe('parseFlatModel', () => {
  const revert: FieldSpec = {
    id: { type: 'str', required: true },
    history_id: { type: 'int', required: true },
    reason: { type: 'str', required: true },
  }
  const presigned: FieldSpec = {
    dataset_id: { type: 'str', required: true },
    file_path: { type: 'str', required: true },
    expires_in: { type: 'int', required: false, default: 10800, min: 1, max: 86400 },
  }

  it('coerces like pydantic v1 and drops extra keys by default', () => {
    expect(parseFlatModel({ id: 10, history_id: '3', reason: 'r', other: 1 }, revert)).toEqual({ ok: true, value: { id: '10', history_id: 3, reason: 'r' } })
    expect(parseFlatModel({ id: 'x', history_id: 2.7, reason: '' }, revert)).toEqual({ ok: true, value: { id: 'x', history_id: 2, reason: '' } })
    expect(parseFlatModel({ dataset_id: 'd', file_path: 'f' }, presigned)).toEqual({ ok: true, value: { dataset_id: 'd', file_path: 'f', expires_in: 10800 } })
  })

  it('reports pydantic errors', () => {
    expect(parseFlatModel({ history_id: '3.5', reason: null }, revert)).toEqual({
      ok: false,
      errors: [
        { loc: ['id'], msg: 'field required', type: 'value_error.missing' },
        { loc: ['history_id'], msg: 'value is not a valid integer', type: 'type_error.integer' },
        { loc: ['reason'], msg: 'none is not an allowed value', type: 'type_error.none.not_allowed' },
      ],
    })
    expect(parseFlatModel({ dataset_id: 'd', file_path: 'f', expires_in: 0 }, presigned)).toEqual({
      ok: false,
      errors: [{ loc: ['expires_in'], msg: 'ensure this value is greater than or equal to 1', type: 'value_error.number.not_ge', ctx: { limit_value: 1 } }],
    })
    expect(parseFlatModel({ dataset_id: 'd', file_path: 'f', expires_in: '86401' }, presigned)).toEqual({
      ok: false,
      errors: [{ loc: ['expires_in'], msg: 'ensure this value is less than or equal to 86400', type: 'value_error.number.not_le', ctx: { limit_value: 86400 } }],
    })
    expect(parseFlatModel('x', revert)).toEqual({ ok: false, errors: [{ loc: [], msg: 'value is not a valid dict', type: 'type_error.dict' }] })
    expect(parseFlatModel(null, revert)).toEqual({ ok: false, errors: [{ loc: [], msg: 'field required', type: 'value_error.missing' }] })
  })

  it('forbids extra keys on request, and parses bool and object fields', () => {
    const spec: FieldSpec = { dataset_id: { type: 'str', required: true }, console_session_required: { type: 'bool', required: true }, key: { type: 'object', required: false } }
    expect(parseFlatModel({ dataset_id: 'd', console_session_required: 'no', key: { a: 1 } }, spec)).toEqual({
      ok: true,
      value: { dataset_id: 'd', console_session_required: false, key: { a: 1 } },
    })
    expect(parseFlatModel({ dataset_id: 'd', console_session_required: 2, key: 1, b: 1, a: 1 }, spec, { forbidExtra: true })).toEqual({
      ok: false,
      errors: [
        { loc: ['console_session_required'], msg: 'value could not be parsed to a boolean', type: 'type_error.bool' },
        { loc: ['key'], msg: 'value is not a valid dict', type: 'type_error.dict' },
        { loc: ['a'], msg: 'extra fields not permitted', type: 'value_error.extra' },
        { loc: ['b'], msg: 'extra fields not permitted', type: 'value_error.extra' },
      ],
    })
  })
})

/** Every key allowed by the dataset schema (plus the hidden version), and only non-empty strings. */
function conforms(value: unknown, schema: Record<string, unknown> = DATASET_JSON_SCHEMA): boolean {
  if (typeof schema.$ref === 'string') {
    return conforms(value, (DATASET_JSON_SCHEMA.definitions as Record<string, Record<string, unknown>>)[schema.$ref.split('/').pop() as string])
  }
  if (typeof value === 'string') return value.length > 0
  if (Array.isArray(value)) return value.every((v) => conforms(v, schema.items as Record<string, unknown>))
  if (value && typeof value === 'object') {
    const props = (schema.properties ?? {}) as Record<string, Record<string, unknown>>
    return Object.entries(value).every(([k, v]) => {
      if (k === 'version' && schema.title === 'Dataset Information') return conforms(v, {})
      const sub = props[k] ?? (typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined)
      return k.length > 0 && sub !== undefined && conforms(v, sub as Record<string, unknown>)
    })
  }
  return value !== null && value !== undefined
}

describe('properties', () => {
  const check = (body: unknown) => {
    const r = parseCollectionFormat(body)
    if (!r.ok) {
      expect(r.errors.length).toBeGreaterThan(0)
      return
    }
    expect(conforms(r.value)).toBe(true)
    expect(parseCollectionFormat(JSON.parse(JSON.stringify(r.value)))).toEqual(r) // normalisation is idempotent
    expect(() => checkJsonSchema(r.value)).not.toThrow()
    expect(() => checkFieldRules(r.value)).not.toThrow()
  }

  it('never throws on arbitrary JSON, and whatever it accepts conforms', () => {
    fc.assert(fc.property(fc.jsonValue(), check), { numRuns: 300 })
    fc.assert(fc.property(fc.anything(), (v) => void parseCollectionFormat(v)), { numRuns: 300 })
  })

  const paths = [
    ['associations'], ['associations', 'organisation_id'], ['associations', 'data_custodian_id'], ['approvals', 'ethics_access'],
    ['approvals', 'export_controls', 'obtained'], ['dataset_info', 'name'], ['dataset_info', 'license'], ['dataset_info', 'access_info'],
    ['dataset_info', 'access_info', 'reposited'], ['dataset_info', 'access_info', 'uri'], ['dataset_info', 'created_date'],
    ['dataset_info', 'created_date', 'value'], ['dataset_info', 'spatial_info'], ['dataset_info', 'temporal_info'],
    ['dataset_info', 'keywords'], ['dataset_info', 'user_metadata'], ['dataset_info', 'extra'], ['extra'],
  ]
  const values = fc.oneof(
    fc.jsonValue({ maxDepth: 2 }),
    fc.constantFrom('', 'yes', '2021-02-30', '2020-01-01', 'https://x.org', 'file:///x', 'P1D', [''], { '': 'x' }, { a: '' }, null),
  )

  it('survives mutations of a valid example', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...paths), values, fc.boolean()), { minLength: 1, maxLength: 4 }), (edits) => {
        const body = clone(example('valid_ro_raw2'))
        for (const [path, value, remove] of edits) {
          let target = body
          for (const key of path.slice(0, -1)) {
            if (typeof target[key] !== 'object' || target[key] === null) target[key] = {}
            target = target[key]
          }
          if (remove) delete target[path[path.length - 1]]
          else target[path[path.length - 1]] = value
        }
        check(body)
      }),
      { numRuns: 400 },
    )
  })
})
