/**
 * What changed between two snapshots of a dataset's metadata, field by field, in the form's sections and
 * under the schema's titles. Pure data: the History tab shows it, and the release review and the version
 * comparison reuse it. Lists compare by value, maps by key, groups (a consent, a date) by part, and long
 * text word by word (jsdiff's diffWords).
 */
import { diffWords } from 'diff'
import type { JsonSchema } from '@/api/models/common'
import { humanise } from './describe'
import { getAt, sameValue } from './paths'
import { layoutFor, schemaAt, type Widget } from './uiSchema'

export type Change = 'added' | 'removed' | 'changed'

/** One part of a group or one entry of a map. */
export interface PartDiff {
  key: string
  title: string
  change: Change
  before?: unknown
  after?: unknown
}

export interface WordPart {
  text: string
  change: 'added' | 'removed' | 'same'
}

export interface FieldDiff {
  /** The form field's dotted path, which "Use this value" writes back. */
  path: string
  title: string
  widget: Widget
  change: Change
  before: unknown
  after: unknown
  /** Lists: the values only one side has. */
  added?: string[]
  removed?: string[]
  /** Groups by part, maps by key. */
  parts?: PartDiff[]
  /** Long text, word by word. */
  words?: WordPart[]
}

export interface SectionDiff {
  id: string
  title: string
  changes: FieldDiff[]
  /** Fields of the section that did not change. */
  unchanged: number
}

/** Text longer than this, or any paragraph field, is compared word by word. */
const LONG_TEXT = 60
const GROUP_WIDGETS: Widget[] = ['consent', 'access-info', 'optional-date', 'date-range']
const PARAGRAPHS: Widget[] = ['textarea']

const isEmpty = (value: unknown) =>
  value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0) ||
  (typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0)
const isPlain = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : [])

function compareParts(before: Record<string, unknown>, after: Record<string, unknown>, titleOf: (key: string) => string): PartDiff[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])]
  return keys.flatMap((key): PartDiff[] => {
    const [was, now] = [before[key], after[key]]
    if (sameValue(was, now) || (isEmpty(was) && isEmpty(now))) return []
    const change: Change = isEmpty(was) ? 'added' : isEmpty(now) ? 'removed' : 'changed'
    return [{ key, title: titleOf(key), change, before: was, after: now }]
  })
}

function fieldDiff(schema: JsonSchema, path: string, widget: Widget, before: unknown, after: unknown): FieldDiff | null {
  if (sameValue(before, after) || (isEmpty(before) && isEmpty(after))) return null
  const title = schemaAt(schema, path)?.title || humanise(path.split('.').at(-1)!)
  const change: Change = isEmpty(before) ? 'added' : isEmpty(after) ? 'removed' : 'changed'
  const diff: FieldDiff = { path, title, widget, change, before, after }
  if (Array.isArray(before) || Array.isArray(after)) {
    const [was, now] = [strings(before), strings(after)]
    diff.added = now.filter((value) => !was.includes(value))
    diff.removed = was.filter((value) => !now.includes(value))
  } else if (widget === 'key-values' || GROUP_WIDGETS.includes(widget) || isPlain(before) || isPlain(after)) {
    const titleOf = widget === 'key-values' ? (key: string) => key : (key: string) => schemaAt(schema, `${path}.${key}`)?.title || humanise(key)
    diff.parts = compareParts(isPlain(before) ? before : {}, isPlain(after) ? after : {}, titleOf)
  } else if (change === 'changed' && typeof before === 'string' && typeof after === 'string') {
    if (PARAGRAPHS.includes(widget) || before.length > LONG_TEXT || after.length > LONG_TEXT) {
      diff.words = diffWords(before, after).map((part) => ({ text: part.value, change: part.added ? 'added' : part.removed ? 'removed' : 'same' }))
    }
  }
  return diff
}

/** The changes from `before` to `after`, by the form's sections (every section listed, changed or not). */
export function diffMetadata(schema: JsonSchema, before: unknown, after: unknown): SectionDiff[] {
  return layoutFor(schema).map((section) => {
    const changes = section.fields.flatMap((field) => fieldDiff(schema, field.path, field.widget, getAt(before, field.path), getAt(after, field.path)) ?? [])
    return { id: section.id, title: section.title, changes, unchanged: section.fields.length - changes.length }
  })
}

/** How many fields changed in all. */
export const changeCount = (sections: SectionDiff[]) => sections.reduce((sum, section) => sum + section.changes.length, 0)
