/** pydantic v1's field validators for the simple types (lax mode, as FastAPI 0.88 runs them). */
import { fail, noneNotAllowed, notADict, ok, type Loc, type PydanticError, type Result } from './errors'
import { pyDict, pyLen, pyNumStr, pyParseFloat, pyParseInt, setOwn } from './python'

export type Validator<T = unknown> = (v: unknown, loc: Loc) => Result<T>

/** str_validator + anystr length check (min_anystr_length / max_length). */
export function strValidator(minLength = 0, maxLength?: number): Validator<string> {
  return (v, loc) => {
    let s: string
    if (typeof v === 'string') s = v
    else if (typeof v === 'number') s = pyNumStr(v)
    else if (typeof v === 'boolean') s = v ? 'True' : 'False' // bool is an int in Python
    else return fail(loc, 'str type expected', 'type_error.str')
    return lengthCheck(s, loc, minLength, maxLength)
  }
}

export function lengthCheck(s: string, loc: Loc, minLength: number, maxLength?: number): Result<string> {
  const n = pyLen(s)
  if (n < minLength) {
    return fail(loc, `ensure this value has at least ${minLength} characters`, 'value_error.any_str.min_length', { limit_value: minLength })
  }
  if (maxLength !== undefined && n > maxLength) {
    return fail(loc, `ensure this value has at most ${maxLength} characters`, 'value_error.any_str.max_length', { limit_value: maxLength })
  }
  return ok(s)
}

const BOOL_TRUE = new Set(['1', 'on', 't', 'true', 'y', 'yes'])
const BOOL_FALSE = new Set(['0', 'off', 'f', 'false', 'n', 'no'])

export const boolValidator: Validator<boolean> = (v, loc) => {
  if (typeof v === 'boolean') return ok(v)
  if (v === 1) return ok(true)
  if (v === 0) return ok(false)
  if (typeof v === 'string') {
    const lower = v.toLowerCase()
    if (BOOL_TRUE.has(lower)) return ok(true)
    if (BOOL_FALSE.has(lower)) return ok(false)
  }
  return fail(loc, 'value could not be parsed to a boolean', 'type_error.bool')
}

const intError = (loc: Loc) => fail<number>(loc, 'value is not a valid integer', 'type_error.integer')

/** int_validator: int(v) for bools, numbers (floats truncate, as in v1) and base-10 strings. */
export const intValidator: Validator<number> = (v, loc) => {
  if (typeof v === 'boolean') return ok(v ? 1 : 0)
  if (typeof v === 'number') return Number.isFinite(v) ? ok(Math.trunc(v) + 0) : intError(loc)
  if (typeof v === 'string') {
    if (v.length > 4300) return intError(loc)
    const n = pyParseInt(v)
    return n === null ? intError(loc) : ok(n)
  }
  return intError(loc)
}

export function numberBounds(ge?: number, le?: number): Validator<number> {
  return (v, loc) => {
    const n = v as number
    if (ge !== undefined && n < ge) {
      return fail(loc, `ensure this value is greater than or equal to ${ge}`, 'value_error.number.not_ge', { limit_value: ge })
    }
    if (le !== undefined && n > le) {
      return fail(loc, `ensure this value is less than or equal to ${le}`, 'value_error.number.not_le', { limit_value: le })
    }
    return ok(n)
  }
}

const pad = (n: number, w: number) => String(n).padStart(w, '0')

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(2000, month, 0)).getUTCDate() + (month === 2 && !isLeap(year) ? -1 : 0)
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
}

/** True for a real calendar date, as datetime.date(year, month, day) accepts it. */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
}

/** pydantic.datetime_parse.from_unix_seconds(...).date() */
function dateFromUnix(seconds: number, loc: Loc): Result<string> {
  if (Number.isNaN(seconds)) return fail(loc, 'cannot convert float NaN to integer', 'value_error')
  if (seconds > 3e20) return ok('9999-12-31')
  if (seconds < -3e20) return ok('0001-01-01')
  let s = seconds
  while (Math.abs(s) > 2e10) s /= 1000
  // EPOCH + timedelta(seconds=s): rounded to microseconds, then the calendar day
  const d = new Date(Math.floor(Math.round(s * 1e6) / 86_400e6) * 86_400_000)
  return ok(`${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`)
}

const DATE_RE = /^(\d{4})-(\d{1,2})-(\d{1,2})\n?$/
const dateError = (loc: Loc) => fail<string>(loc, 'invalid date format', 'value_error.date')

/** parse_date: 'YYYY-MM-DD' (normalised to zero-padded ISO), or a Unix timestamp (number or numeric string). */
export const dateValidator: Validator<string> = (v, loc) => {
  if (typeof v === 'boolean') return dateFromUnix(v ? 1 : 0, loc)
  if (typeof v === 'number') return dateFromUnix(v, loc)
  if (typeof v !== 'string') return fail(loc, 'invalid type; expected date, string, bytes, int or float', 'type_error')
  const numeric = pyParseFloat(v)
  if (numeric !== null) return dateFromUnix(numeric, loc)
  const m = DATE_RE.exec(v)
  if (!m) return dateError(loc)
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])]
  if (!isCalendarDate(year, month, day)) return dateError(loc)
  return ok(`${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`)
}

/** Runs an item validator where None is not allowed (the inner field of List[X] / Dict[K, V]). */
function nonNull<T>(validate: Validator<T>, v: unknown, loc: Loc): Result<T> {
  return v === null || v === undefined ? noneNotAllowed(loc) : validate(v, loc)
}

export function listOf<T>(item: Validator<T>): Validator<T[]> {
  return (v, loc) => {
    if (!Array.isArray(v)) return fail(loc, 'value is not a valid list', 'type_error.list')
    const errors: PydanticError[] = []
    const out: T[] = []
    v.forEach((x, i) => {
      const r = nonNull(item, x, [...loc, i])
      if (r.ok) out.push(r.value)
      else errors.push(...r.errors)
    })
    return errors.length ? { ok: false, errors } : ok(out)
  }
}

export function dictOf<T>(key: Validator<string>, value: Validator<T>): Validator<Record<string, T>> {
  return (v, loc) => {
    const entries = pyDict(v)
    if (!entries) return notADict(loc)
    const errors: PydanticError[] = []
    const out: Record<string, T> = {}
    for (const [k, x] of entries) {
      const kr = nonNull(key, k, [...loc, '__key__'])
      if (!kr.ok) {
        errors.push(...kr.errors)
        continue
      }
      const vr = nonNull(value, x, [...loc, typeof k === 'number' ? k : String(k)])
      if (vr.ok) setOwn(out, kr.value, vr.value)
      else errors.push(...vr.errors)
    }
    return errors.length ? { ok: false, errors } : ok(out)
  }
}
