/** Reading and writing metadata by dotted field path ("dataset_info.created_date.value"). */
type Plain = Record<string, unknown>
const isPlain = (value: unknown): value is Plain => typeof value === 'object' && value !== null && !Array.isArray(value)

export function getAt(value: unknown, path: string): unknown {
  let node = value
  for (const key of path.split('.')) {
    if (!isPlain(node)) return undefined
    node = node[key]
  }
  return node
}

/**
 * A copy of `value` with `path` set (or removed, for undefined); parents are created as needed and an
 * optional group left empty by a removal is removed too, as the data store expects absent optional fields.
 */
export function setAt<T>(value: T, path: string, next: unknown): T {
  const keys = path.split('.')
  const write = (node: unknown, depth: number): unknown => {
    const copy: Plain = isPlain(node) ? { ...node } : {}
    const key = keys[depth]
    const child = depth === keys.length - 1 ? next : write(copy[key], depth + 1)
    if (child === undefined || (depth < keys.length - 1 && isPlain(child) && Object.keys(child).length === 0)) delete copy[key]
    else copy[key] = child
    return copy
  }
  return write(value, 0) as T
}

/** Deep equality of JSON values, whatever the key order. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => sameValue(item, b[i]))
  if (isPlain(a) && isPlain(b)) {
    const keys = Object.keys(a).filter((k) => a[k] !== undefined)
    const other = Object.keys(b).filter((k) => b[k] !== undefined)
    return keys.length === other.length && keys.every((k) => sameValue(a[k], b[k]))
  }
  return false
}
