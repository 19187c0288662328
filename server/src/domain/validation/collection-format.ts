/**
 * Layer 1: Provena's CollectionFormat pydantic v1 model (ProvenaInterfaces/RegistryModels.py), field by field.
 * Every sub-model forbids extra keys; strings (fields, list items, dict keys and values) must be non-empty.
 */
import type { CollectionFormat } from '../types'
import { boolValidator, dateValidator, dictOf, listOf, strValidator, type Validator } from '../../validation/coerce'
import { durationProblem } from '../../validation/duration'
import { ok, valueError, type PydanticError } from '../../validation/errors'
import { modelValidator, validateModel, type FieldDef, type ModelDef } from '../../validation/model'
import { pyFloatRepr, pyParseFloat, pyStrRepr } from '../../validation/python'
import { anyHttpUrlValidator } from '../../validation/url'
import { anyUriValidator } from './any-uri'

const str = strValidator(1)
const optStr = (name: string, extra: Partial<FieldDef> = {}): FieldDef => ({ name, validate: str, optional: true, ...extra })
const reqStr = (name: string): FieldDef => ({ name, validate: str, required: true })
const model = (fields: FieldDef[], root?: ModelDef['root']): ModelDef => ({ fields, forbidExtra: true, root })

const CHECK = model([
  { name: 'relevant', validate: boolValidator, default: false },
  { name: 'obtained', validate: boolValidator, default: false },
])

const ASSOCIATIONS = model([reqStr('organisation_id'), optStr('data_custodian_id'), optStr('point_of_contact')])

const APPROVALS = model(
  ['ethics_registration', 'ethics_access', 'indigenous_knowledge', 'export_controls'].map((name) => ({
    name,
    validate: modelValidator(CHECK),
    required: true,
  })),
)

const ACCESS_INFO = model(
  [
    { name: 'reposited', validate: boolValidator, default: true },
    { name: 'uri', validate: anyUriValidator, optional: true },
    optStr('description'),
  ],
  [
    ({ reposited, uri, description }) => {
      if (!reposited) {
        if (uri === null) return 'Must provide a URI for external access if data is not reposited in the Data Store.'
        if (description === null) return 'Must provide a description for external access if data is not reposited in the Data Store.'
      } else {
        if (uri !== null) return 'Cannot provide a URI for external access if data is reposited in the Data Store.'
        if (description !== null) return 'Cannot provide a description for external access if data is reposited in the Data Store.'
      }
      return null
    },
  ],
)

/** CreatedDate / PublishedDate (OptionallyRequiredDate). */
const DATE_INFO = model(
  [
    { name: 'relevant', validate: boolValidator, default: false },
    { name: 'value', validate: dateValidator, optional: true },
  ],
  [
    ({ relevant, value }) => {
      if (relevant === true) return value === null ? 'Must provide a date if the relevant field is set to True.' : null
      return value !== null ? 'Cannot provide a date if the relevant field is set to False.' : null
    },
  ],
)

const spatialResolution: Validator = (v, loc) => {
  if (v === null) return ok(null)
  const s = v as string
  const f = pyParseFloat(s)
  let detail: string | null = null
  if (f === null) detail = `could not convert string to float: ${pyStrRepr(s)}`
  else if (!(f > 0)) detail = `Spatial resolution must be non-negative and greater than than 0. Got '${pyFloatRepr(f)}'.`
  if (detail === null) return ok(s)
  return valueError(
    loc,
    `Invalid spatial resolution. The value must conform to the Decimal Degrees format. Please provide a positive decimal value. Failed to parse the spatial resolution as a positive float. Details: ${detail}`,
  )
}

const SPATIAL_INFO = model([
  { name: 'coverage', validate: strValidator(1, 50000), optional: true },
  optStr('resolution', { post: spatialResolution }),
  { name: 'extent', validate: strValidator(1, 50000), optional: true },
])

const DURATION = model(
  [
    { name: 'begin_date', validate: dateValidator, required: true },
    { name: 'end_date', validate: dateValidator, required: true },
  ],
  [({ begin_date, end_date }) => ((begin_date as string) > (end_date as string) ? 'Begin Date must be before or equal to End Date.' : null)],
)

const temporalResolution: Validator = (v, loc) => {
  if (v === null) return ok(null)
  const problem = durationProblem(v as string)
  if (problem === null) return ok(v)
  return valueError(
    loc,
    `Invalid temporal resolution. The value must conform to the ISO8601 Time Duration format (e.g.'P1Y2M10DT2H30M'). Details: ${problem}`,
  )
}

const TEMPORAL_INFO = model([
  { name: 'duration', validate: modelValidator(DURATION), optional: true },
  optStr('resolution', { post: temporalResolution, always: true }),
])

const DATASET_INFO = model([
  reqStr('name'),
  reqStr('description'),
  { name: 'access_info', validate: modelValidator(ACCESS_INFO), required: true },
  reqStr('publisher_id'),
  { name: 'created_date', validate: modelValidator(DATE_INFO), required: true },
  { name: 'published_date', validate: modelValidator(DATE_INFO), required: true },
  { name: 'license', validate: anyHttpUrlValidator, required: true },
  optStr('purpose'),
  optStr('rights_holder'),
  optStr('usage_limitations'),
  optStr('preferred_citation'),
  { name: 'spatial_info', validate: modelValidator(SPATIAL_INFO), optional: true },
  { name: 'temporal_info', validate: modelValidator(TEMPORAL_INFO), optional: true },
  { name: 'formats', validate: listOf(str), optional: true },
  { name: 'keywords', validate: listOf(str), optional: true },
  { name: 'user_metadata', validate: dictOf(str, str), optional: true },
  // hidden from the JSON schema, but still part of the pydantic model
  optStr('version'),
])

const COLLECTION_FORMAT = model([
  { name: 'associations', validate: modelValidator(ASSOCIATIONS), required: true },
  { name: 'approvals', validate: modelValidator(APPROVALS), required: true },
  { name: 'dataset_info', validate: modelValidator(DATASET_INFO), required: true },
])

/**
 * Layer 1 (pydantic parse). loc is relative to the body root (callers prefix 'body'). On success, value is the
 * normalised CollectionFormat: defaults filled in, coerced types applied, null optionals removed.
 */
export function parseCollectionFormat(body: unknown): { ok: true; value: CollectionFormat } | { ok: false; errors: PydanticError[] } {
  // FastAPI reports a missing (or JSON null) body as a missing field before pydantic sees it
  if (body === null || body === undefined) return { ok: false, errors: [{ loc: [], msg: 'field required', type: 'value_error.missing' }] }
  const r = validateModel(COLLECTION_FORMAT, body, [])
  return r.ok ? { ok: true, value: r.value as unknown as CollectionFormat } : r
}
