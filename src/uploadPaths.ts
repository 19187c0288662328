/** Parts the data store refuses in a file path (contract §3.10), checked before anything is sent. */
const FORBIDDEN = ['../', '/../', '..', '//', '\\']

/** Why a path cannot be uploaded to, or null when it can. */
export function pathProblem(path: string): string | null {
  if (!path.trim()) return 'The file has no name.'
  if (path.startsWith('/')) return 'A path cannot start with "/".'
  const part = FORBIDDEN.find((p) => path.includes(p))
  if (part) return `The path contains "${part}", which the data store does not allow.`
  if (path.endsWith('/')) return 'A path cannot end with "/".'
  return null
}

/** The folder to upload into, tidied: no leading slash, one trailing slash, or "" for the top. */
export function uploadFolder(text: string): string {
  const trimmed = text.trim().replace(/^\/+/, '').replace(/\/+$/, '')
  return trimmed ? `${trimmed}/` : ''
}
