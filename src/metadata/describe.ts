/**
 * Dataset metadata (CollectionFormat) described for reading: the tree the schema of
 * `GET /metadata/dataset-schema` gives it, with the schema's titles and descriptions (contract §4.4).
 * Pure data, so the Metadata tab, the History tab and a later field-by-field diff share one reading.
 */
import type { JsonSchema } from '@/api/models/common'
import type { AgentKind } from '@/api/models/registry'

export type MetadataKind =
  | 'group' | 'text' | 'url' | 'date' | 'boolean' | 'number' | 'list' | 'map' | 'geometry' | AgentKind | 'missing'
export type LeafKind = Exclude<MetadataKind, 'group'>
/** A map's entries as [key, value] pairs, sorted by key so two snapshots compare entry by entry. */
export type MetadataPairs = [string, string][]
export type MetadataValue = string | number | boolean | string[] | MetadataPairs

interface NodeBase {
  /** The property name in the metadata. */
  key: string
  /** Property names from the root, e.g. ['dataset_info', 'access_info', 'uri']: stable across snapshots. */
  path: string[]
  title: string
  description?: string
}
export type GroupNode = NodeBase & { kind: 'group'; children: MetadataNode[]; value?: undefined }
export type LeafNode = NodeBase & { children?: undefined } & (
  /** `geometry` is EWKT text as stored; the view summarises it, and shows it as text if it cannot be read. */
  | { kind: 'text' | 'url' | 'date' | 'geometry' | AgentKind; value: string }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'number'; value: number }
  | { kind: 'list'; value: string[] }
  | { kind: 'map'; value: MetadataPairs }
  /** A required field with no value: shown, so a broken record is visible rather than silently short. */
  | { kind: 'missing'; value?: undefined }
)
export type MetadataNode = GroupNode | LeafNode

export interface MetadataLeaf {
  path: string[]
  /** Section title … field title, for saying which field changed in words rather than JSON paths. */
  titles: string[]
  kind: LeafKind
  value?: MetadataValue
}

// The schema types registry ids as plain strings; only the contract (§4.2) says which registry type each names.
const AGENT_FIELDS: Record<string, AgentKind> = {
  'associations.organisation_id': 'organisation',
  'associations.data_custodian_id': 'person',
  'dataset_info.publisher_id': 'organisation',
}

// The schema types shapes as plain strings too (no format); only its descriptions say "EWKT format".
const GEOMETRY_FIELDS = new Set(['dataset_info.spatial_info.coverage', 'dataset_info.spatial_info.extent'])

type Plain = Record<string, unknown>

function isPlain(value: unknown): value is Plain {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return true
  if (Array.isArray(value)) return value.length === 0
  return isPlain(value) && Object.keys(value).length === 0
}

/** 'data_custodian_id' -> 'Data custodian id': the title of last resort, for keys the schema does not name. */
export function humanise(key: string): string {
  const words = key.replace(/[_-]+/g, ' ').trim()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

function asText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value)
}

function refName(schema: JsonSchema): string | undefined {
  // pydantic v1 wraps a $ref in a one-element allOf when the field adds its own title or description.
  const allOf = schema.allOf
  const ref = schema.$ref ?? (Array.isArray(allOf) && allOf.length === 1 ? (allOf[0] as JsonSchema).$ref : undefined)
  return ref?.match(/^#\/definitions\/(.+)$/)?.[1]
}

/** The definition a property points at, with the property's own keywords (title, description) winning. */
export function resolve(root: JsonSchema, schema: JsonSchema, seen = new Set<string>()): JsonSchema {
  const name = refName(schema)
  const target = name && !seen.has(name) ? root.definitions?.[name] : undefined
  if (!name || !target) return schema
  const { $ref: _ref, allOf: _allOf, ...own } = schema
  return { ...resolve(root, target, seen.add(name)), ...own }
}

function schemaType(schema: JsonSchema): string | undefined {
  return Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type
}

function describeProperty(
  root: JsonSchema, key: string, property: JsonSchema, raw: unknown, path: string[], required: boolean,
): MetadataNode | null {
  const schema = resolve(root, property)
  const base: NodeBase = { key, path, title: schema.title || humanise(key) }
  if (schema.description) base.description = schema.description
  // A field left out means its default to the server (pydantic fills it in), e.g. an approval's `obtained`;
  // showing the default also keeps {relevant:false} and {relevant:false, obtained:false} from differing.
  const value = raw === undefined ? schema.default : raw
  // Checked before emptiness: `{}` is a whole approval check once its defaults are filled in.
  if (schema.properties && isPlain(value)) {
    const children = describeObject(root, schema, value, path)
    return children.length ? { ...base, kind: 'group', children } : required ? { ...base, kind: 'missing' } : null
  }
  if (isEmpty(value)) return required ? { ...base, kind: 'missing' } : null

  const agent = AGENT_FIELDS[path.join('.')]
  const type = schemaType(schema)
  if (agent && typeof value === 'string') return { ...base, kind: agent, value }
  if (GEOMETRY_FIELDS.has(path.join('.')) && typeof value === 'string') return { ...base, kind: 'geometry', value }
  if (isPlain(value) && typeof schema.additionalProperties === 'object') {
    const pairs = Object.entries(value).filter(([, v]) => !isEmpty(v)).map(([k, v]): [string, string] => [k, asText(v)])
    pairs.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return pairs.length ? { ...base, kind: 'map', value: pairs } : required ? { ...base, kind: 'missing' } : null
  }
  if (type === 'array' && Array.isArray(value)) {
    const items = value.filter((item) => !isEmpty(item)).map(asText)
    return items.length ? { ...base, kind: 'list', value: items } : required ? { ...base, kind: 'missing' } : null
  }
  if (type === 'boolean' && typeof value === 'boolean') return { ...base, kind: 'boolean', value }
  if ((type === 'number' || type === 'integer') && typeof value === 'number') return { ...base, kind: 'number', value }
  if (typeof value === 'string' && schema.format === 'uri') return { ...base, kind: 'url', value }
  if (typeof value === 'string' && schema.format === 'date') return { ...base, kind: 'date', value }
  // Anything else, including a value whose type the schema does not expect (an older record), is shown as text.
  return { ...base, kind: 'text', value: asText(value) }
}

function describeObject(root: JsonSchema, schema: JsonSchema, value: Plain, path: string[]): MetadataNode[] {
  const properties = schema.properties ?? {}
  const required = new Set(schema.required ?? [])
  const nodes: MetadataNode[] = []
  for (const [key, property] of Object.entries(properties)) {
    const node = describeProperty(root, key, property, value[key], [...path, key], required.has(key))
    if (node) nodes.push(node)
  }
  // Keys the schema does not know (a legacy `version`) are still part of the record: keep them, after the rest.
  for (const [key, extra] of Object.entries(value)) {
    if (key in properties || isEmpty(extra)) continue
    nodes.push({ key, path: [...path, key], title: humanise(key), kind: 'text', value: asText(extra) })
  }
  return nodes
}

/** One node per section of the schema (associations, approvals, dataset_info), in schema order. */
export function describeMetadata(schema: JsonSchema, value: unknown): MetadataNode[] {
  return describeObject(schema, schema, isPlain(value) ? value : {}, [])
}

/** The visible leaves in display order, each with its chain of titles. */
export function flattenMetadata(schema: JsonSchema, value: unknown): MetadataLeaf[] {
  const leaves: MetadataLeaf[] = []
  const walk = (nodes: MetadataNode[], titles: string[]) => {
    for (const node of nodes) {
      if (node.kind === 'group') walk(node.children, [...titles, node.title])
      else leaves.push({ path: node.path, titles: [...titles, node.title], kind: node.kind, value: node.value })
    }
  }
  walk(describeMetadata(schema, value), [])
  return leaves
}
