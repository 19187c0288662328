/**
 * The dataset metadata checked in the browser as the data store checks it (contract §4.2, §4.3): the served
 * JSON schema first, then the rules the schema does not carry (pydantic's validators and the data store's
 * field rules). Each problem names its field by path, so the editor can show it at the field and in a summary.
 * The server's validate-metadata still has the last word (registry ids, EWKT), before every save.
 */
import { Validator, type OutputUnit, type Schema } from '@cfworker/json-schema'
import type { JsonSchema } from '@/api/models/common'
import type { CollectionFormat } from '@/api/models/registry'

export interface MetadataProblem {
  /** Dotted path of the field, e.g. "dataset_info.created_date.value"; "" for the whole record. */
  path: string
  message: string
}

type Plain = Record<string, unknown>
const isPlain = (value: unknown): value is Plain => typeof value === 'object' && value !== null && !Array.isArray(value)

// An ISO 8601 duration as isodate reads it (P1Y2M10DT2H30M, P3W); the T needs at least one time part.
const DURATION = /^P(?!$)(\d+(\.\d+)?Y)?(\d+(\.\d+)?M)?(\d+(\.\d+)?W)?(\d+(\.\d+)?D)?(T(?=\d)(\d+(\.\d+)?H)?(\d+(\.\d+)?M)?(\d+(\.\d+)?S)?)?$/
const EWKT = /^SRID=\d+;\s*[A-Za-z]+/

const TYPE_WORDS: Record<string, string> = {
  string: 'text', boolean: 'yes or no', object: 'a group of fields', array: 'a list', number: 'a number', integer: 'a whole number',
}

function pointerToPath(location: string): string {
  return location
    .replace(/^#\/?/, '')
    .split('/')
    .filter(Boolean)
    .map((part) => decodeURIComponent(part.replace(/~1/g, '/').replace(/~0/g, '~')))
    .join('.')
}

/** Plain words for one schema error; null for the wrappers (properties, $ref, allOf) that only point inward. */
function schemaProblem(unit: OutputUnit): MetadataProblem | null {
  const path = pointerToPath(unit.instanceLocation)
  const quoted = /"([^"]+)"/.exec(unit.error)?.[1]
  switch (unit.keyword) {
    case 'required':
      return { path: path ? `${path}.${quoted}` : String(quoted), message: 'This field is required.' }
    case 'additionalProperties':
      return { path: path ? `${path}.${quoted}` : String(quoted), message: 'The data store does not know this field; remove it.' }
    case 'format':
      return { path, message: quoted === 'date' ? 'Enter a real calendar date (YYYY-MM-DD).' : 'Enter a full address with its scheme, e.g. https://…' }
    case 'type': {
      const expected = /Expected "(.+)"/.exec(unit.error)?.[1]?.split('", "') ?? []
      return { path, message: `Expected ${expected.map((type) => TYPE_WORDS[type] ?? type).join(' or ')}.` }
    }
    case 'maxLength':
      return { path, message: unit.error.replace(/^String is too long \((\d+) > (\d+)\)\.?$/, 'At most $2 characters (this has $1).') }
    case 'minLength':
      return { path, message: 'This field is required.' }
    case 'properties':
    case '$ref':
    case 'allOf':
    case 'false':
    case 'items':
      return null
    default:
      return { path, message: unit.error }
  }
}

const CONSENTS: [keyof CollectionFormat['approvals'], string, string][] = [
  ['ethics_registration', 'Data with ethics and privacy concerns can be registered only with consent for its registration.', 'Consent for registration is marked obtained, but the data is not marked as having ethics and privacy concerns.'],
  ['ethics_access', 'Data with ethics and privacy concerns can be registered only with consent for its access in the system.', 'Consent for access is marked obtained, but the data is not marked as having ethics and privacy concerns.'],
  ['indigenous_knowledge', 'Indigenous knowledge can be registered only with consent from the relevant Indigenous community.', 'Consent is marked obtained, but the data is not marked as holding Indigenous knowledge.'],
  ['export_controls', 'Data subject to export controls can be registered only after the due diligence checks and approvals.', 'Approvals are marked obtained, but the data is not marked as subject to export controls.'],
]

function blank(value: unknown) {
  return typeof value !== 'string' || value.trim() === ''
}

/** The rules the schema does not carry, each said at the field it concerns. */
function ruleProblems(value: Plain): MetadataProblem[] {
  const problems: MetadataProblem[] = []
  const add = (path: string, message: string) => problems.push({ path, message })
  const approvals = isPlain(value.approvals) ? value.approvals : {}
  for (const [name, missing, unnecessary] of CONSENTS) {
    const check = isPlain(approvals[name]) ? approvals[name] : {}
    const relevant = check.relevant === true
    const obtained = check.obtained === true
    if (relevant && !obtained) add(`approvals.${name}.obtained`, missing)
    if (!relevant && obtained) add(`approvals.${name}.obtained`, unnecessary)
  }
  const info = isPlain(value.dataset_info) ? value.dataset_info : null
  if (!info) return problems
  for (const key of ['name', 'description'] as const) if (typeof info[key] === 'string' && blank(info[key])) add(`dataset_info.${key}`, 'This field is required.')
  if (typeof info.license === 'string' && info.license && !/^https?:\/\//i.test(info.license)) {
    add('dataset_info.license', 'A licence is an http:// or https:// address.')
  }
  const access = isPlain(info.access_info) ? info.access_info : null
  if (access && access.reposited === false) {
    if (blank(access.uri)) add('dataset_info.access_info.uri', 'Data held elsewhere needs the address where it can be found.')
    if (blank(access.description)) add('dataset_info.access_info.description', 'Data held elsewhere needs a note on how to access it.')
  }
  const dates: Record<string, string | undefined> = {}
  for (const key of ['created_date', 'published_date'] as const) {
    const date = isPlain(info[key]) ? info[key] : {}
    if (date.relevant === true && blank(date.value)) add(`dataset_info.${key}.value`, 'Give the date, or mark it as not relevant.')
    if (date.relevant === true && typeof date.value === 'string') dates[key] = date.value
  }
  if (dates.created_date && dates.published_date && dates.published_date < dates.created_date) {
    add('dataset_info.published_date.value', 'The published date cannot be before the created date.')
  }
  const spatial = isPlain(info.spatial_info) ? info.spatial_info : {}
  for (const key of ['coverage', 'extent'] as const) {
    if (typeof spatial[key] === 'string' && !EWKT.test(spatial[key] as string)) {
      add(`dataset_info.spatial_info.${key}`, 'Write it as EWKT: SRID=4326;POLYGON((…)) or another WKT shape.')
    }
  }
  if (typeof spatial.resolution === 'string' && !(Number(spatial.resolution) > 0)) {
    add('dataset_info.spatial_info.resolution', 'The resolution is a number greater than 0, e.g. 0.5.')
  }
  const temporal = isPlain(info.temporal_info) ? info.temporal_info : {}
  const duration = isPlain(temporal.duration) ? temporal.duration : null
  if (duration && typeof duration.begin_date === 'string' && typeof duration.end_date === 'string' && duration.end_date < duration.begin_date) {
    add('dataset_info.temporal_info.duration.end_date', 'The end date cannot be before the begin date.')
  }
  if (typeof temporal.resolution === 'string' && !DURATION.test(temporal.resolution)) {
    add('dataset_info.temporal_info.resolution', 'Write it as an ISO 8601 duration, e.g. P1D (a day) or PT30M (half an hour).')
  }
  const userMetadata = isPlain(info.user_metadata) ? info.user_metadata : {}
  for (const [key, entry] of Object.entries(userMetadata)) {
    if (blank(key) || blank(entry)) add('dataset_info.user_metadata', 'Every extra metadata entry needs a key and a value.')
  }
  for (const key of ['keywords', 'formats'] as const) {
    if (Array.isArray(info[key]) && (info[key] as unknown[]).some(blank)) add(`dataset_info.${key}`, 'Remove the empty entry.')
  }
  return problems
}

/** A checker for one served schema; compile once per schema, check on every change. */
export function metadataChecker(schema: JsonSchema) {
  const validator = new Validator(schema as Schema, '7', false)
  return function check(value: unknown): MetadataProblem[] {
    const seen = new Set<string>()
    const problems: MetadataProblem[] = []
    const keep = (problem: MetadataProblem | null) => {
      if (!problem || seen.has(`${problem.path}\n${problem.message}`)) return
      seen.add(`${problem.path}\n${problem.message}`)
      problems.push(problem)
    }
    for (const unit of validator.validate(value).errors) keep(schemaProblem(unit))
    if (isPlain(value)) for (const problem of ruleProblems(value)) keep(problem)
    return problems
  }
}
