/**
 * Three-way merge of dataset metadata when someone saved while you edited: base (what your edit started
 * from), theirs (what the data store holds now) and yours (your draft), compared field by field — a field
 * being what one widget edits (a consent, a date with its switch, the keywords), so a merge never splits a
 * value the rules treat as one.
 */
import type { CollectionFormat } from '@/api/models/registry'
import { getAt, sameValue, setAt } from './paths'

export type ChangeKind =
  /** Only you changed it: your value is kept. */
  | 'yours'
  /** Only they changed it: their value is taken. */
  | 'theirs'
  /** Both changed it to the same value. */
  | 'same'
  /** Both changed it differently: yours is kept until you choose. */
  | 'conflict'

export interface FieldChange {
  path: string
  kind: ChangeKind
  base: unknown
  theirs: unknown
  yours: unknown
}

export interface Merge {
  /** Their record with every change of yours applied (conflicts: yours). */
  merged: CollectionFormat
  changes: FieldChange[]
}

export function threeWayMerge(fields: string[], base: CollectionFormat, theirs: CollectionFormat, yours: CollectionFormat): Merge {
  let merged = structuredClone(theirs)
  const changes: FieldChange[] = []
  for (const path of fields) {
    const [b, t, y] = [getAt(base, path), getAt(theirs, path), getAt(yours, path)]
    const mine = !sameValue(y, b)
    const other = !sameValue(t, b)
    if (!mine && !other) continue
    const kind: ChangeKind = mine && other ? (sameValue(y, t) ? 'same' : 'conflict') : mine ? 'yours' : 'theirs'
    if (mine) merged = setAt(merged, path, structuredClone(y))
    changes.push({ path, kind, base: b, theirs: t, yours: y })
  }
  return { merged, changes }
}

/** Their record with your changes, and for each conflict the side chosen (yours unless said otherwise). */
export function mergedWith(merge: Merge, choices: Record<string, 'yours' | 'theirs'>): CollectionFormat {
  let record = merge.merged
  for (const change of merge.changes) {
    if (change.kind === 'conflict' && choices[change.path] === 'theirs') record = setAt(record, change.path, structuredClone(change.theirs))
  }
  return record
}
