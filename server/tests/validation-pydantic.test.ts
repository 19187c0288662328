/**
 * Golden cases: every expectation below was produced by the real libraries Provena runs (pydantic 1.10 via
 * pydantic.v1 with Provena's CollectionFormat models, isodate 0.7, jsonschema 4.26), then frozen here.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseCollectionFormat } from '../src/domain/validation'
import { jsonSchemaProblem } from '../src/validation/json-schema'

type Row = [unknown, [string, unknown]]

const example = (name: string) => JSON.parse(readFileSync(new URL(`../data/examples/${name}.json`, import.meta.url), 'utf8'))
const base = () => example('valid_ro_raw2')

const LICENSE: Row[] = [
  ["https://creativecommons.org/licenses/by/4.0/", ["ok", "https://creativecommons.org/licenses/by/4.0/"]],
  ["  https://x.org/a  ", ["ok", "https://x.org/a"]],
  ["HTTP://EXAMPLE.COM", ["ok", "HTTP://EXAMPLE.COM"]],
  ["http://localhost:8000/x", ["ok", "http://localhost:8000/x"]],
  ["https://例え.jp/パス", ["ok", "https://xn--r8jz45g.jp/パス"]],
  ["http://a.b1/x?#", ["ok", "http://a.b1/x"]],
  ["google.com", ["value_error.url.scheme", "invalid or missing URL scheme"]],
  ["ftp://x.org", ["value_error.url.scheme", "URL scheme not permitted"]],
  ["mailto:x@y.org", ["value_error.url.scheme", "invalid or missing URL scheme"]],
  ["https://", ["value_error.url.host", "URL host invalid"]],
  ["https://ex.com/a b", ["value_error.url.extra", "URL invalid, extra characters found after valid URL: ' b'"]],
  ["http://x.org:99999", ["value_error.url.port", "URL port invalid, port cannot exceed 65535"]],
  ["", ["value_error.any_str.min_length", "ensure this value has at least 1 characters"]],
  ["https://a..com", ["value_error.url.host", "URL host invalid"]],
  [5, ["value_error.url.scheme", "invalid or missing URL scheme"]],
]
const URI: Row[] = [
  ["file:///file/path", ["ok", "file:///file/path"]],
  ["file:///file", ["ok", "file:///file"]],
  ["file://file.txt", ["ok", "file://file.txt"]],
  ["http://google.com", ["ok", "http://google.com"]],
  ["https://google.com", ["ok", "https://google.com"]],
  ["ftp://ftp.bom.gov.au/anon/gen/", ["ok", "ftp://ftp.bom.gov.au/anon/gen/"]],
  ["ftp://ftp.bom.gov.au/anon/gen/file.txt", ["ok", "ftp://ftp.bom.gov.au/anon/gen/file.txt"]],
  ["urn:isbn:0451450523", ["ok", "urn:isbn:0451450523"]],
  ["s3://bucket/key", ["ok", "s3://bucket/key"]],
  ["badscheme;test", ["value_error", "invalid uri or missing scheme"]],
  ["file.txt", ["value_error", "invalid uri or missing scheme"]],
  ["google.com", ["value_error", "invalid uri or missing scheme"]],
  ["http://a b", ["value_error", "invalid uri or missing scheme"]],
  ["", ["value_error.any_str.min_length", "ensure this value has at least 1 characters"]],
  [5, ["type_error", "object of type 'int' has no len()"]],
  [[], ["value_error.any_str.min_length", "ensure this value has at least 1 characters"]],
]
const TEMPORAL: Row[] = [
  ["P1Y2M10DT2H30M", ["ok", "P1Y2M10DT2H30M"]],
  ["P1W", ["ok", "P1W"]],
  ["PT0.5S", ["ok", "PT0.5S"]],
  ["P1,5D", ["ok", "P1,5D"]],
  ["-P1D", ["ok", "-P1D"]],
  ["+PT1H", ["ok", "+PT1H"]],
  ["PT", ["ok", "PT"]],
  ["P1Y\n", ["ok", "P1Y\n"]],
  ["P0003-06-04T12:30:05", ["ok", "P0003-06-04T12:30:05"]],
  ["P0003-W02-1T12", ["ok", "P0003-W02-1T12"]],
  ["P", ["value_error", "Invalid temporal resolution. The value must conform to the ISO8601 Time Duration format (e.g.'P1Y2M10DT2H30M'). Details: ISO 8601 time designator 'T' missing. Unable to parse datetime string ''"]],
  ["1Y", ["value_error", "Invalid temporal resolution. The value must conform to the ISO8601 Time Duration format (e.g.'P1Y2M10DT2H30M'). Details: Unable to parse duration string '1Y'"]],
  ["P1Y2", ["value_error", "Invalid temporal resolution. The value must conform to the ISO8601 Time Duration format (e.g.'P1Y2M10DT2H30M'). Details: ISO 8601 time designator 'T' missing. Unable to parse datetime string '1Y2'"]],
  ["PT1H2D", ["value_error", "Invalid temporal resolution. The value must conform to the ISO8601 Time Duration format (e.g.'P1Y2M10DT2H30M'). Details: Unrecognised ISO 8601 date format: ''"]],
  ["P1XT5", ["value_error", "Invalid temporal resolution. The value must conform to the ISO8601 Time Duration format (e.g.'P1Y2M10DT2H30M'). Details: Unrecognised ISO 8601 date format: '1X'"]],
  ["P2021-13-01T00:00", ["value_error", "Invalid temporal resolution. The value must conform to the ISO8601 Time Duration format (e.g.'P1Y2M10DT2H30M'). Details: month must be in 1..12"]],
  ["P2021-01-01T25:00", ["value_error", "Invalid temporal resolution. The value must conform to the ISO8601 Time Duration format (e.g.'P1Y2M10DT2H30M'). Details: hour must be in 0..23"]],
  ["P1DT1H1M1.5S", ["ok", "P1DT1H1M1.5S"]],
  ["P9999999999D", ["value_error", "Invalid temporal resolution. The value must conform to the ISO8601 Time Duration format (e.g.'P1Y2M10DT2H30M'). Details: Python int too large to convert to C int"]],
]
const SPATIAL: Row[] = [
  ["0.5", ["ok", "0.5"]],
  ["1", ["ok", "1"]],
  [" 2.5e-3 ", ["ok", " 2.5e-3 "]],
  ["1_000", ["ok", "1_000"]],
  ["inf", ["ok", "inf"]],
  ["0", ["value_error", "Invalid spatial resolution. The value must conform to the Decimal Degrees format. Please provide a positive decimal value. Failed to parse the spatial resolution as a positive float. Details: Spatial resolution must be non-negative and greater than than 0. Got '0.0'."]],
  ["-0.1", ["value_error", "Invalid spatial resolution. The value must conform to the Decimal Degrees format. Please provide a positive decimal value. Failed to parse the spatial resolution as a positive float. Details: Spatial resolution must be non-negative and greater than than 0. Got '-0.1'."]],
  ["nan", ["value_error", "Invalid spatial resolution. The value must conform to the Decimal Degrees format. Please provide a positive decimal value. Failed to parse the spatial resolution as a positive float. Details: Spatial resolution must be non-negative and greater than than 0. Got 'nan'."]],
  ["abc", ["value_error", "Invalid spatial resolution. The value must conform to the Decimal Degrees format. Please provide a positive decimal value. Failed to parse the spatial resolution as a positive float. Details: could not convert string to float: 'abc'"]],
  ["1e-5x", ["value_error", "Invalid spatial resolution. The value must conform to the Decimal Degrees format. Please provide a positive decimal value. Failed to parse the spatial resolution as a positive float. Details: could not convert string to float: '1e-5x'"]],
  [3, ["ok", "3"]],
  [true, ["value_error", "Invalid spatial resolution. The value must conform to the Decimal Degrees format. Please provide a positive decimal value. Failed to parse the spatial resolution as a positive float. Details: could not convert string to float: 'True'"]],
]
const DATES: Row[] = [
  ["2021-12-25", ["ok", "2021-12-25"]],
  ["2021-1-5", ["ok", "2021-01-05"]],
  ["2020-02-29", ["ok", "2020-02-29"]],
  ["2021-02-29", ["value_error.date", "invalid date format"]],
  ["0000-01-01", ["value_error.date", "invalid date format"]],
  ["2021-12-25T00:00:00", ["value_error.date", "invalid date format"]],
  ["25/12/2021", ["value_error.date", "invalid date format"]],
  ["1700000000", ["ok", "2023-11-14"]],
  [1700000000, ["ok", "2023-11-14"]],
  [0, ["ok", "1970-01-01"]],
  [1700000000000.0, ["ok", "2023-11-14"]],
  ["nan", ["value_error", "cannot convert float NaN to integer"]],
  [[], ["type_error", "invalid type; expected date, string, bytes, int or float"]],
  [true, ["ok", "1970-01-01"]],
]
const BODIES: [unknown, unknown][] = [
  [{"dataset_info": {"license": "ftp://x", "created_date": {"relevant": true}, "access_info": {"reposited": false}, "keywords": ["", 3, null], "user_metadata": {"": "x", "a": ""}, "temporal_info": {"resolution": "P", "duration": {"begin_date": "2021-02-30", "end_date": "2020-01-01"}}, "spatial_info": {"resolution": "-1"}}, "approvals": [], "extra": 1, "another": 2}, [{"loc": ["associations"], "msg": "field required", "type": "value_error.missing"}, {"loc": ["approvals", "ethics_registration"], "msg": "field required", "type": "value_error.missing"}, {"loc": ["approvals", "ethics_access"], "msg": "field required", "type": "value_error.missing"}, {"loc": ["approvals", "indigenous_knowledge"], "msg": "field required", "type": "value_error.missing"}, {"loc": ["approvals", "export_controls"], "msg": "field required", "type": "value_error.missing"}, {"loc": ["dataset_info", "name"], "msg": "field required", "type": "value_error.missing"}, {"loc": ["dataset_info", "description"], "msg": "field required", "type": "value_error.missing"}, {"loc": ["dataset_info", "access_info", "__root__"], "msg": "Must provide a URI for external access if data is not reposited in the Data Store.", "type": "value_error"}, {"loc": ["dataset_info", "publisher_id"], "msg": "field required", "type": "value_error.missing"}, {"loc": ["dataset_info", "created_date", "__root__"], "msg": "Must provide a date if the relevant field is set to True.", "type": "value_error"}, {"loc": ["dataset_info", "published_date"], "msg": "field required", "type": "value_error.missing"}, {"loc": ["dataset_info", "license"], "msg": "URL scheme not permitted", "type": "value_error.url.scheme", "ctx": {"allowed_schemes": ["http", "https"]}}, {"loc": ["dataset_info", "spatial_info", "resolution"], "msg": "Invalid spatial resolution. The value must conform to the Decimal Degrees format. Please provide a positive decimal value. Failed to parse the spatial resolution as a positive float. Details: Spatial resolution must be non-negative and greater than than 0. Got '-1.0'.", "type": "value_error"}, {"loc": ["dataset_info", "temporal_info", "duration", "begin_date"], "msg": "invalid date format", "type": "value_error.date"}, {"loc": ["dataset_info", "temporal_info", "resolution"], "msg": "Invalid temporal resolution. The value must conform to the ISO8601 Time Duration format (e.g.'P1Y2M10DT2H30M'). Details: ISO 8601 time designator 'T' missing. Unable to parse datetime string ''", "type": "value_error"}, {"loc": ["dataset_info", "keywords", 0], "msg": "ensure this value has at least 1 characters", "type": "value_error.any_str.min_length", "ctx": {"limit_value": 1}}, {"loc": ["dataset_info", "keywords", 2], "msg": "none is not an allowed value", "type": "type_error.none.not_allowed"}, {"loc": ["dataset_info", "user_metadata", "__key__"], "msg": "ensure this value has at least 1 characters", "type": "value_error.any_str.min_length", "ctx": {"limit_value": 1}}, {"loc": ["dataset_info", "user_metadata", "a"], "msg": "ensure this value has at least 1 characters", "type": "value_error.any_str.min_length", "ctx": {"limit_value": 1}}, {"loc": ["another"], "msg": "extra fields not permitted", "type": "value_error.extra"}, {"loc": ["extra"], "msg": "extra fields not permitted", "type": "value_error.extra"}]],
  [{"associations": {"organisation_id": 12, "point_of_contact": null, "x": 1}, "approvals": {"ethics_registration": {"relevant": "yes", "obtained": "on"}, "ethics_access": {}, "indigenous_knowledge": {"relevant": null}, "export_controls": "x"}, "dataset_info": {"name": "n", "description": "d", "access_info": {"reposited": true, "uri": "https://x.org", "description": "x"}, "publisher_id": "p", "created_date": {"relevant": false, "value": "2021-01-01"}, "published_date": {"value": "2021-13-01"}, "license": "https://x.org:70000/", "formats": "csv", "temporal_info": {"duration": {"begin_date": "2021-02-01", "end_date": "2021-01-01"}, "resolution": "P1Q"}, "spatial_info": {"resolution": "abc", "coverage": ""}}}, [{"loc": ["associations", "x"], "msg": "extra fields not permitted", "type": "value_error.extra"}, {"loc": ["approvals", "indigenous_knowledge", "relevant"], "msg": "none is not an allowed value", "type": "type_error.none.not_allowed"}, {"loc": ["approvals", "export_controls"], "msg": "value is not a valid dict", "type": "type_error.dict"}, {"loc": ["dataset_info", "access_info", "__root__"], "msg": "Cannot provide a URI for external access if data is reposited in the Data Store.", "type": "value_error"}, {"loc": ["dataset_info", "created_date", "__root__"], "msg": "Cannot provide a date if the relevant field is set to False.", "type": "value_error"}, {"loc": ["dataset_info", "published_date", "value"], "msg": "invalid date format", "type": "value_error.date"}, {"loc": ["dataset_info", "license"], "msg": "URL port invalid, port cannot exceed 65535", "type": "value_error.url.port"}, {"loc": ["dataset_info", "spatial_info", "coverage"], "msg": "ensure this value has at least 1 characters", "type": "value_error.any_str.min_length", "ctx": {"limit_value": 1}}, {"loc": ["dataset_info", "spatial_info", "resolution"], "msg": "Invalid spatial resolution. The value must conform to the Decimal Degrees format. Please provide a positive decimal value. Failed to parse the spatial resolution as a positive float. Details: could not convert string to float: 'abc'", "type": "value_error"}, {"loc": ["dataset_info", "temporal_info", "duration", "__root__"], "msg": "Begin Date must be before or equal to End Date.", "type": "value_error"}, {"loc": ["dataset_info", "temporal_info", "resolution"], "msg": "Invalid temporal resolution. The value must conform to the ISO8601 Time Duration format (e.g.'P1Y2M10DT2H30M'). Details: ISO 8601 time designator 'T' missing. Unable to parse datetime string '1Q'", "type": "value_error"}, {"loc": ["dataset_info", "formats"], "msg": "value is not a valid list", "type": "type_error.list"}]],
]

/** Puts value at dataset_info[...path] of a valid body and returns [first error or ok value at that path]. */
function run(path: string[], value: unknown, wrap: Record<string, unknown> = {}): [string, unknown] {
  const body = base()
  let target = body.dataset_info
  for (const key of path.slice(0, -1)) {
    target[key] = { ...(wrap[key] as object) }
    target = target[key]
  }
  target[path[path.length - 1]] = value
  const r = parseCollectionFormat(body)
  if (!r.ok) {
    expect(r.errors[0].loc).toEqual(['dataset_info', ...path.slice(0, r.errors[0].loc.length - 1)])
    return [r.errors[0].type, r.errors[0].msg]
  }
  let out: unknown = r.value.dataset_info
  for (const key of path) out = (out as Record<string, unknown>)[key]
  return ['ok', out]
}

describe('layer 1 matches pydantic 1.10 field by field', () => {
  it.each(LICENSE)('license %j', (value, expected) => {
    expect(run(['license'], value)).toEqual(expected)
  })
  it.each(URI)('access_info.uri %j', (value, expected) => {
    expect(run(['access_info', 'uri'], value, { access_info: { reposited: false, description: 'd' } })).toEqual(expected)
  })
  it.each(TEMPORAL)('temporal_info.resolution %j', (value, expected) => {
    expect(run(['temporal_info', 'resolution'], value)).toEqual(expected)
  })
  it.each(SPATIAL)('spatial_info.resolution %j', (value, expected) => {
    expect(run(['spatial_info', 'resolution'], value)).toEqual(expected)
  })
  it.each(DATES)('created_date.value %j', (value, expected) => {
    expect(run(['created_date', 'value'], value, { created_date: { relevant: true } })).toEqual(expected)
  })
  it.each(BODIES)('whole-body error list %#', (body, errors) => {
    expect(parseCollectionFormat(body)).toEqual({ ok: false, errors })
  })
})

describe('layer 2 matches str(jsonschema.ValidationError)', () => {
  const schema = {
    type: 'object',
    properties: { a: { type: 'string', maxLength: 3 }, b: { $ref: '#/definitions/B' } },
    required: ['a'],
    additionalProperties: false,
    definitions: { B: { type: 'object', properties: { c: { type: 'integer' } } } },
  }
  const fox = 'The quick brown fox jumps over the lazy dog. '.repeat(3)
  it.each([
    [{ a: 'ab' }, null],
    [{ a: 'abcd' }, "'abcd' is too long\n\nFailed validating 'maxLength' in schema['properties']['a']:\n    {'type': 'string', 'maxLength': 3}\n\nOn instance['a']:\n    'abcd'"],
    [
      { b: { c: 'x' }, z: 1, y: 2 },
      "'a' is a required property\n\nFailed validating 'required' in schema:\n    {'type': 'object',\n     'properties': {'a': {'type': 'string', 'maxLength': 3},\n                    'b': {'$ref': '#/definitions/B'}},\n     'required': ['a'],\n     'additionalProperties': False,\n     'definitions': {'B': {'type': 'object',\n                           'properties': {'c': {'type': 'integer'}}}}}\n\nOn instance:\n    {'b': {'c': 'x'}, 'z': 1, 'y': 2}",
    ],
    [
      { a: 'ab', b: { c: fox } },
      `'${fox}' is not of type 'integer'\n\nFailed validating 'type' in schema['properties']['b']['properties']['c']:\n    {'type': 'integer'}\n\nOn instance['b']['c']:\n    ('The quick brown fox jumps over the lazy dog. The quick brown fox '\n     'jumps over the lazy dog. The quick brown fox jumps over the lazy '\n     'dog. ')`,
    ],
    [{ a: true }, "True is not of type 'string'\n\nFailed validating 'type' in schema['properties']['a']:\n    {'type': 'string', 'maxLength': 3}\n\nOn instance['a']:\n    True"],
  ])('%j', (instance, expected) => {
    expect(jsonSchemaProblem(instance, schema)).toBe(expected)
  })
})
