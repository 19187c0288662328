const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })

/** Provena's Unix-seconds timestamps, in the user's locale. */
export function formatTimestamp(seconds: number | null | undefined): string {
  return seconds ? dateTime.format(new Date(seconds * 1000)) : ''
}

export function isoTimestamp(seconds: number | null | undefined): string {
  return seconds ? new Date(seconds * 1000).toISOString() : ''
}
