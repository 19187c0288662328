/**
 * The URL when metadata holds an absolute http(s) URL, else null: other schemes (javascript:, data:,
 * file:, ftp:) are shown as text, never as links.
 */
export function httpUrl(value: unknown): string | null {
  if (typeof value !== 'string') return null
  try {
    const url = new URL(value.trim())
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null
  } catch {
    return null
  }
}
