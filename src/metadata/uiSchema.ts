/**
 * Our UI schema for the dataset metadata form: which section each field of the served schema sits in, in
 * what order, with which widget. The served schema stays the source of the fields and their titles: a path
 * here that the schema lacks is skipped, and a schema field placed nowhere is still shown (with a widget
 * chosen by its type), so a server change never hides or invents a field.
 */
import type { JsonSchema } from '@/api/models/common'
import { humanise, resolve } from './describe'

export type Widget =
  | 'text' | 'textarea' | 'email'
  | 'organisation' | 'person' | 'licence'
  | 'consent' | 'access-info' | 'optional-date' | 'date-range'
  | 'chips' | 'key-values' | 'ewkt' | 'decimal' | 'iso-duration'
  /** For schema fields this UI schema does not place: a plain control by JSON type. */
  | 'boolean' | 'date' | 'number'

export interface UiField {
  /** Property names from the root; a widget owns everything below its path. */
  path: string
  widget: Widget
}

export interface UiSection {
  id: string
  title: string
  fields: UiField[]
}

const field = (path: string, widget: Widget): UiField => ({ path, widget })

export const METADATA_UI: UiSection[] = [
  {
    id: 'associations',
    title: 'Associations',
    fields: [field('associations.organisation_id', 'organisation'), field('associations.data_custodian_id', 'person'), field('associations.point_of_contact', 'text')],
  },
  {
    id: 'approvals',
    title: 'Approvals',
    fields: ['ethics_registration', 'ethics_access', 'indigenous_knowledge', 'export_controls'].map((name) => field(`approvals.${name}`, 'consent')),
  },
  {
    id: 'information',
    title: 'Dataset information',
    fields: [
      field('dataset_info.name', 'text'),
      field('dataset_info.description', 'textarea'),
      field('dataset_info.publisher_id', 'organisation'),
      field('dataset_info.license', 'licence'),
      field('dataset_info.keywords', 'chips'),
      field('dataset_info.formats', 'chips'),
      field('dataset_info.purpose', 'textarea'),
      field('dataset_info.rights_holder', 'text'),
      field('dataset_info.usage_limitations', 'textarea'),
      field('dataset_info.preferred_citation', 'textarea'),
    ],
  },
  { id: 'access', title: 'Access', fields: [field('dataset_info.access_info', 'access-info')] },
  { id: 'dates', title: 'Dates', fields: [field('dataset_info.created_date', 'optional-date'), field('dataset_info.published_date', 'optional-date')] },
  {
    id: 'coverage',
    title: 'Spatial and temporal coverage',
    fields: [
      field('dataset_info.spatial_info.coverage', 'ewkt'),
      field('dataset_info.spatial_info.extent', 'ewkt'),
      field('dataset_info.spatial_info.resolution', 'decimal'),
      field('dataset_info.temporal_info.duration', 'date-range'),
      field('dataset_info.temporal_info.resolution', 'iso-duration'),
    ],
  },
  { id: 'extra', title: 'Extra metadata', fields: [field('dataset_info.user_metadata', 'key-values')] },
]

export interface SchemaField {
  path: string
  schema: JsonSchema
  required: boolean
}

/** Every leaf field of the schema (an object with properties is walked into), in schema order. */
export function schemaFields(root: JsonSchema): SchemaField[] {
  const fields: SchemaField[] = []
  const walk = (schema: JsonSchema, path: string[]) => {
    const required = new Set(schema.required ?? [])
    for (const [key, property] of Object.entries(schema.properties ?? {})) {
      const resolved = resolve(root, property)
      if (resolved.properties) walk(resolved, [...path, key])
      else fields.push({ path: [...path, key].join('.'), schema: resolved, required: required.has(key) })
    }
  }
  walk(root, [])
  return fields
}

const covers = (placed: string, path: string) => path === placed || path.startsWith(`${placed}.`)

/** A plain widget for a field the UI schema does not place, by its JSON type and format. */
export function fallbackWidget(schema: JsonSchema): Widget {
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type
  if (type === 'boolean') return 'boolean'
  if (type === 'number' || type === 'integer') return 'number'
  if (type === 'array') return 'chips'
  if (type === 'object') return 'key-values'
  return schema.format === 'date' ? 'date' : 'text'
}

/**
 * The sections to render for a served schema: ours, less any field the schema no longer has, then an
 * "Other fields" section for schema fields we do not place.
 */
export function layoutFor(root: JsonSchema): UiSection[] {
  const fields = schemaFields(root)
  const sections = METADATA_UI.map((section) => ({
    ...section,
    fields: section.fields.filter((ui) => fields.some((f) => covers(ui.path, f.path))),
  })).filter((section) => section.fields.length > 0)
  const others = unplacedFields(root).map((f) => field(f.path, fallbackWidget(f.schema)))
  return others.length ? [...sections, { id: 'other', title: 'Other fields', fields: others }] : sections
}

/** Schema fields no widget of ours covers (a test keeps this empty for the schema we ship against). */
export function unplacedFields(root: JsonSchema): SchemaField[] {
  const placed = METADATA_UI.flatMap((section) => section.fields.map((f) => f.path))
  return schemaFields(root).filter((f) => !placed.some((p) => covers(p, f.path)))
}

/** The schema of the field at `path` (refs resolved), or null when the schema has no such field. */
export function schemaAt(root: JsonSchema, path: string): JsonSchema | null {
  let node: JsonSchema = root
  for (const key of path.split('.')) {
    const property = node.properties?.[key]
    if (!property) return null
    node = resolve(root, property)
  }
  return node
}

/** The widget field that owns a problem's path (the field itself or a part of it), if any. */
export function ownerOf(fields: UiField[], path: string): UiField | undefined {
  return fields.find((f) => covers(f.path, path)) ?? fields.find((f) => covers(path, f.path))
}

/** The id of a field's first input, for the error summary's links and for moving focus to it. */
export function fieldId(path: string): string {
  return `field-${path.replace(/\./g, '-')}`
}

/** The input a problem points at: a part's own input where the widget has one, else the widget's first. */
export function problemTarget(fields: UiField[], path: string): string {
  const owner = ownerOf(fields, path)
  if (!owner) return 'metadata-form'
  const part = path === owner.path ? null : path.slice(owner.path.length + 1)
  if (owner.widget === 'access-info' && (part === 'uri' || part === 'description')) return `${fieldId(owner.path)}-${part}`
  if (owner.widget === 'date-range' && part === 'end_date') return `${fieldId(owner.path)}-end`
  return fieldId(owner.path)
}


/** A problem's field as the form names it: the field's title, then the part's ("Indigenous Knowledge — Obtained"). */
export function problemTitle(root: JsonSchema, path: string): string {
  const titleAt = (at: string) => schemaAt(root, at)?.title || humanise(at.split('.').at(-1)!)
  const owner = ownerOf(layoutFor(root).flatMap((section) => section.fields), path)
  return owner && owner.path !== path ? `${titleAt(owner.path)} — ${titleAt(path)}` : titleAt(path)
}

/** The form field (a whole widget) that shows a problem's path, for marking it in the editor. */
export function problemField(root: JsonSchema, path: string): string {
  return ownerOf(layoutFor(root).flatMap((section) => section.fields), path)?.path ?? path
}
