/** Metadata values in words, for the diff and anything else that shows one value on a line. */
import { formatCalendarDate } from '@/format'
import type { Widget } from './uiSchema'

/** What an EWKT shape holds ("POLYGON in EPSG:4326, 5 points"), or '' for text that is not EWKT. */
export function geometrySummary(value: string): string {
  const match = /^SRID=(\d+);\s*([A-Za-z]+)/.exec(value)
  if (!match) return ''
  const points = (value.match(/-?\d+(\.\d+)?\s+-?\d+(\.\d+)?/g) ?? []).length
  return `${match[2].toUpperCase()} in EPSG:${match[1]}, ${points} point${points === 1 ? '' : 's'}`
}

const DATE_LIKE = /^\d{4}-\d{2}-\d{2}$/

/** One value as a reader would say it: dates as calendar days, shapes summarised, yes/no, lists joined. */
export function valueText(value: unknown, widget?: Widget): string {
  if (value === undefined || value === null || value === '') return '(empty)'
  if (typeof value === 'boolean') return value ? 'yes' : 'no'
  if (Array.isArray(value)) return value.length ? value.map((item) => valueText(item)).join(', ') : '(empty)'
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).map(([key, item]) => `${key}: ${valueText(item)}`).join('; ')
  }
  const text = String(value)
  if (DATE_LIKE.test(text)) return formatCalendarDate(text)
  if (widget === 'ewkt') return geometrySummary(text) || text
  return text
}
