/**
 * isodate.parse_duration (0.6.x), which Provena uses for temporal_info.resolution. Returns null when the string
 * parses, otherwise the text of the exception isodate raises (used after "Details: ").
 *
 * Supported like isodate: [+-]P[nY][nM][nW][nD][T[nH][nM][nS]] with ',' or '.' decimals on any component ('P' alone
 * fails; 'PT' is accepted, as isodate's regex accepts it), and the alternative form P<date>T<time>
 * ('P0003-06-04T12:30:05') with isodate's date and time patterns.
 */
import { isCalendarDate } from './coerce'
import { pyStrRepr } from './python'

const NUM = '[0-9]+(?:[,.][0-9]+)?'
const PERIOD_RE = new RegExp(
  `^([+-])?P(?=\\w)(?:(${NUM})Y)?(?:(${NUM})M)?(?:(${NUM})W)?(?:(${NUM})D)?(?:T(?:(${NUM})H)?(?:(${NUM})M)?(?:(${NUM})S)?)?\\n?$`,
  'u',
)

const MAX_DAYS = 999_999_999

/** timedelta(days, hours, minutes, seconds, weeks) overflow, as Python reports it. */
function timedeltaProblem(weeks: number, days: number, hours: number, minutes: number, seconds: number): string | null {
  const total = weeks * 7 + days + hours / 24 + minutes / 1440 + seconds / 86400
  if (!Number.isFinite(total)) return 'cannot convert float infinity to integer'
  const whole = Math.floor(total)
  if (whole > 2 ** 31 - 1 || whole < -(2 ** 31)) return 'Python int too large to convert to C int'
  return Math.abs(whole) > MAX_DAYS ? `days=${whole}; must have magnitude <= ${MAX_DAYS}` : null
}

// isodate.parse_date's patterns (4-digit years, no sign), in its order: complete, week, ordinal, month, year, century
const DATE_FORMS: [RegExp, 'ymd' | 'week' | 'ordinal' | 'year' | 'century'][] = [
  [/^(\d{4})-(\d{2})-(\d{2})$/, 'ymd'],
  [/^(\d{4})(\d{2})(\d{2})$/, 'ymd'],
  [/^(\d{4})-W(\d{2})-(\d)$/, 'week'],
  [/^(\d{4})W(\d{2})(\d)$/, 'week'],
  [/^(\d{4})-(\d{3})$/, 'ordinal'],
  [/^(\d{4})(\d{3})$/, 'ordinal'],
  [/^(\d{4})-W(\d{2})$/, 'week'],
  [/^(\d{4})W(\d{2})$/, 'week'],
  [/^(\d{4})-(\d{2})$/, 'ymd'],
  [/^(\d{4})(\d{2})$/, 'ymd'],
  [/^(\d{4})$/, 'year'],
  [/^(\d{2})$/, 'century'],
]
const TZ = '(?:Z|[+-][0-9]{2}(?::?[0-9]{2})?)?'
const FRAC = '(?:[,.][0-9]+)?'
const TIME_FORMS = [
  `^T?([0-9]{2}):([0-9]{2}):([0-9]{2})${FRAC}${TZ}$`,
  `^T?([0-9]{2})([0-9]{2})([0-9]{2})${FRAC}${TZ}$`,
  `^T?([0-9]{2}):([0-9]{2})${FRAC}${TZ}$`,
  `^T?([0-9]{2})([0-9]{2})${FRAC}${TZ}$`,
  `^T?([0-9]{2})${FRAC}${TZ}$`,
].map((re) => new RegExp(re))

const DAY_MS = 86_400_000

/** datetime.date(...) and date arithmetic errors for isodate's parse_date. */
function dateProblem(s: string): string | null {
  for (const [re, kind] of DATE_FORMS) {
    const m = re.exec(s)
    if (!m) continue
    const n = m.slice(1).map(Number)
    if (kind === 'century') return null // date(century * 100 + 1, 1, 1) always exists
    if (n[0] < 1) return `year ${n[0]} is out of range`
    if (kind === 'ymd') {
      const month = n[1] || 1
      if (month > 12) return 'month must be in 1..12'
      return isCalendarDate(n[0], month, n[2] ?? 1) ? null : 'day is out of range for month'
    }
    if (kind === 'year') return null
    const jan1 = new Date(0).setUTCFullYear(n[0], 0, 1)
    let result: number
    if (kind === 'ordinal') result = jan1 + (n[1] - 1) * DAY_MS
    else {
      // ret + timedelta(weeks=week - (1 if ISO week of Jan 1 is 1 else 0), days=-isoweekday + day)
      const isoWeekday = new Date(jan1).getUTCDay() || 7
      const firstWeek = isoWeekday <= 4 ? 1 : 0
      result = jan1 + ((n[1] - firstWeek) * 7 - isoWeekday + (n[2] || 1)) * DAY_MS
    }
    const year = new Date(result).getUTCFullYear()
    return year < 1 || year > 9999 ? 'date value out of range' : null
  }
  return `Unrecognised ISO 8601 date format: ${pyStrRepr(s)}`
}

/** datetime.time(...) errors for isodate's parse_time. */
function timeProblem(s: string): string | null {
  for (const re of TIME_FORMS) {
    const m = re.exec(s)
    if (!m) continue
    if (Number(m[1]) > 23) return 'hour must be in 0..23'
    if (m[2] !== undefined && Number(m[2]) > 59) return 'minute must be in 0..59'
    if (m[3] !== undefined && Number(m[3]) > 59) return 'second must be in 0..59'
    return null
  }
  return `Unrecognised ISO 8601 time format: ${pyStrRepr(s)}`
}

export function durationProblem(value: string): string | null {
  const m = PERIOD_RE.exec(value)
  if (m) {
    const n = (i: number) => Number((m[i] ?? '0').replace(',', '.'))
    return timedeltaProblem(n(4), n(5), n(6), n(7), n(8))
  }
  if (!value.startsWith('P')) return `Unable to parse duration string ${pyStrRepr(value)}`
  const rest = value.slice(1)
  const parts = rest.split('T')
  if (parts.length !== 2) {
    return `ISO 8601 time designator 'T' missing. Unable to parse datetime string ${pyStrRepr(rest)}`
  }
  return dateProblem(parts[0]) ?? timeProblem(parts[1])
}
