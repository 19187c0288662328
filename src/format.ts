const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })

/** Provena's Unix-seconds timestamps, in the user's locale. */
export function formatTimestamp(seconds: number | null | undefined): string {
  return seconds ? dateTime.format(new Date(seconds * 1000)) : ''
}

export function isoTimestamp(seconds: number | null | undefined): string {
  return seconds ? new Date(seconds * 1000).toISOString() : ''
}

const calendarDate = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' })

/**
 * A wire calendar date ('YYYY-MM-DD'), shown as that same day whatever the user's time zone; anything
 * else, or an impossible day (2021-02-30 would roll into March), is shown as stored.
 */
export function formatCalendarDate(value: string | null | undefined): string {
  if (!value) return ''
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (!match) return value
  const date = new Date(`${value}T00:00:00Z`)
  return date.getUTCDate() === Number(match[3]) ? calendarDate.format(date) : value
}

const day = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' })

/** The day of a Unix-seconds timestamp, where a table has no room for the time. */
export function formatDay(seconds: number | null | undefined): string {
  return seconds ? day.format(new Date(seconds * 1000)) : ''
}

const sizeUnits = ['bytes', 'KB', 'MB', 'GB', 'TB']

/** A byte count as people read it: 1,234 bytes, 12.3 KB, 4.5 GB (decimal units, as S3's console shows them). */
// Made once: toLocaleString builds a formatter on every call, which showed in the upload queue's profile.
const wholeNumber = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 })
const oneDecimal = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 })

export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${wholeNumber.format(bytes)} ${bytes === 1 ? 'byte' : 'bytes'}`
  const unit = Math.min(sizeUnits.length - 1, Math.floor(Math.log10(bytes) / 3))
  const value = bytes / 1000 ** unit
  return `${(value < 10 ? oneDecimal : wholeNumber).format(value)} ${sizeUnits[unit]}`
}

/** How much of a transfer is done, in whole percent (an empty file is done at once). */
export const percentDone = (sent: number, size: number) => (size ? Math.floor((sent / size) * 100) : 100)
