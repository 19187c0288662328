/**
 * Just enough of Python's built-in behaviour (repr, str(), float(), int(), dict(), str.strip, len) for the
 * messages and coercions of pydantic v1 and jsonschema to come out the same as in Provena.
 */

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** Sets an own enumerable property, also for keys such as `__proto__` that a plain assignment would not create. */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true })
}

/** len() of a Python str: code points, not UTF-16 units. */
export function pyLen(s: string): number {
  let n = 0
  for (const _ of s) n++
  return n
}

/** Python's default string ordering (by code point). */
export function cmpCodePoints(a: string, b: string): number {
  const ai = a[Symbol.iterator]()
  const bi = b[Symbol.iterator]()
  for (;;) {
    const x = ai.next()
    const y = bi.next()
    if (x.done || y.done) return x.done && y.done ? 0 : x.done ? -1 : 1
    const d = (x.value.codePointAt(0) ?? 0) - (y.value.codePointAt(0) ?? 0)
    if (d !== 0) return d
  }
}

const PY_WS = '\\t\\n\\x0b\\x0c\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000'
const STRIP_RE = new RegExp(`^[${PY_WS}]+|[${PY_WS}]+$`, 'g')

/** str.strip() with Python's notion of whitespace. */
export function pyStrip(s: string): string {
  return s.replace(STRIP_RE, '')
}

/** repr(float) */
export function pyFloatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan'
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf'
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0'
  const [mant, expStr] = Math.abs(x).toExponential().split('e')
  const exp = Number(expStr)
  const digits = mant.replace('.', '')
  const sign = x < 0 ? '-' : ''
  if (exp < -4 || exp >= 16) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits
    return `${sign}${m}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`
  }
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`
  const intPart = digits.slice(0, exp + 1).padEnd(exp + 1, '0')
  return `${sign}${intPart}.${digits.slice(exp + 1) || '0'}`
}

/** Whether Python's json module would decode this number (as JSON.stringify writes it) to an int. */
export function isPyInt(x: number): boolean {
  return Number.isInteger(x) && Math.abs(x) < 1e21
}

/** str() of a JSON number as Python would have decoded it (integers as int, the rest as float). */
export function pyNumStr(x: number): string {
  return isPyInt(x) ? String(x) : pyFloatRepr(x)
}

const NON_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Z}]/u

function hex(cp: number, width: number): string {
  return cp.toString(16).padStart(width, '0')
}

/** repr(str) */
export function pyStrRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'"
  let out = quote
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0
    if (ch === quote || ch === '\\') out += `\\${ch}`
    else if (ch === '\t') out += '\\t'
    else if (ch === '\n') out += '\\n'
    else if (ch === '\r') out += '\\r'
    else if (cp < 0x20 || cp === 0x7f) out += `\\x${hex(cp, 2)}`
    else if (cp < 0x7f || ch === ' ' || !NON_PRINTABLE.test(ch)) out += ch
    else if (cp <= 0xff) out += `\\x${hex(cp, 2)}`
    else if (cp <= 0xffff) out += `\\u${hex(cp, 4)}`
    else out += `\\U${hex(cp, 8)}`
  }
  return out + quote
}

/** repr() of a JSON value decoded by Python (dict keys in insertion order unless sortKeys). */
export function pyRepr(v: unknown, sortKeys = false): string {
  if (v === null || v === undefined) return 'None'
  if (v === true) return 'True'
  if (v === false) return 'False'
  if (typeof v === 'number') return pyNumStr(v)
  if (typeof v === 'string') return pyStrRepr(v)
  if (Array.isArray(v)) return `[${v.map((x) => pyRepr(x, sortKeys)).join(', ')}]`
  if (isPlainObject(v)) {
    const keys = Object.keys(v)
    if (sortKeys) keys.sort(cmpCodePoints)
    return `{${keys.map((k) => `${pyStrRepr(k)}: ${pyRepr(v[k], sortKeys)}`).join(', ')}}`
  }
  return pyStrRepr(String(v))
}

const DIGITS = '\\d(?:_?\\d)*'
const FLOAT_RE = new RegExp(`^[+-]?(?:(?:${DIGITS}(?:\\.(?:${DIGITS})?)?|\\.${DIGITS})(?:[eE][+-]?${DIGITS})?|inf(?:inity)?|nan)$`, 'i')

/** float(s) for a str: the number, or null where Python raises ValueError. */
export function pyParseFloat(s: string): number | null {
  const t = pyStrip(s)
  if (!FLOAT_RE.test(t)) return null
  const lower = t.toLowerCase().replace(/^[+]/, '')
  if (lower.endsWith('nan')) return NaN
  if (lower.endsWith('inf') || lower.endsWith('infinity')) return lower.startsWith('-') ? -Infinity : Infinity
  return Number(t.replace(/_/g, ''))
}

const INT_RE = new RegExp(`^[+-]?${DIGITS}$`)

/** int(s) for a str in base 10: the number, or null where Python raises ValueError. */
export function pyParseInt(s: string): number | null {
  const t = pyStrip(s)
  if (!INT_RE.test(t)) return null
  return Number(BigInt(t.replace(/_/g, '')))
}

/**
 * dict(v) as pydantic's dict_validator / Model.validate call it: dicts pass, and any iterable of
 * two-element items (lists, two-character strings, two-key dicts) is converted. null means TypeError/ValueError.
 */
export function pyDict(v: unknown): [unknown, unknown][] | null {
  if (isPlainObject(v)) return Object.entries(v)
  if (typeof v === 'string') return v.length === 0 ? [] : null
  if (!Array.isArray(v)) return null
  const out = new Map<unknown, unknown>()
  for (const el of v) {
    let pair: unknown[] | null = null
    if (Array.isArray(el)) pair = el
    else if (typeof el === 'string') pair = [...el]
    else if (isPlainObject(el)) pair = Object.keys(el)
    if (!pair || pair.length !== 2) return null
    const key = pair[0]
    if (typeof key === 'object' && key !== null) return null // unhashable
    out.set(key, pair[1])
  }
  return [...out.entries()]
}
