/** pydantic 1.10's AnyHttpUrl (networks.py), with the same error messages and the same order of checks. */
import { domainToASCII } from 'node:url'
import { fail, ok, type Loc, type Result } from './errors'
import { lengthCheck, strValidator } from './coerce'
import { pyStrip, pyStrRepr } from './python'

const URL_RE = new RegExp(
  '^(?:(?<scheme>[a-z][a-z0-9+\\-.]+)://)?' +
    '(?:(?<user>[^\\s:/]*)(?::(?<password>[^\\s/]*))?@)?' +
    '(?:(?<ipv4>(?:\\d{1,3}\\.){3}\\d{1,3})(?=$|[/:#?])|(?<ipv6>\\[[A-F0-9]*:[A-F0-9:]+\\])(?=$|[/:#?])|(?<domain>[^\\s/:?#]+))?' +
    '(?::(?<port>\\d+))?' +
    '(?<path>/[^\\s?#]*)?(?:\\?(?<query>[^\\s#]*))?(?:#(?<fragment>[^\\s#]*))?',
  'iu',
)
const ASCII_CHUNK = '[_0-9a-z](?:[-_0-9a-z]{0,61}[_0-9a-z])?'
const ASCII_DOMAIN_RE = new RegExp(`^(?:${ASCII_CHUNK}\\.)*?${ASCII_CHUNK}(?<tld>\\.[a-z]{2,63})?\\.?$`, 'iu')
const INT_CHUNK = '[_0-9a-\\u{40000}](?:[-_0-9a-\\u{40000}]{0,61}[_0-9a-\\u{40000}])?'
const INT_DOMAIN_RE = new RegExp(
  `^(?:${INT_CHUNK}\\.)*?${INT_CHUNK}(?<tld>(\\.[\\p{L}\\p{Nl}\\p{No}]{2,63})|(\\.(?:xn--)[_0-9a-z-]{2,63}))?\\.?$`,
  'iu',
)

const MAX_URL_LENGTH = 2 ** 16
const toStr = strValidator(0)

/** host.encode('idna'): ASCII labels unchanged, others through punycode (null where Python raises UnicodeError). */
function idna(host: string): string | null {
  const labels = host.split('.').map((label) => {
    if ([...label].every((c) => c.charCodeAt(0) < 0x80)) return label
    const encoded = domainToASCII(label)
    return encoded && !encoded.includes('.') ? encoded : null
  })
  return labels.includes(null) ? null : labels.join('.')
}

/** AnyHttpUrl.validate: str coercion, strip, length 1..65536, scheme, port, trailing junk, host. */
export function anyHttpUrlValidator(v: unknown, loc: Loc): Result<string> {
  const s = toStr(v, loc)
  if (!s.ok) return s
  const len = lengthCheck(pyStrip(s.value), loc, 1, MAX_URL_LENGTH)
  if (!len.ok) return len
  const url = len.value
  const m = URL_RE.exec(url)
  const g = m?.groups ?? {}
  if (!m || g.scheme === undefined) return fail(loc, 'invalid or missing URL scheme', 'value_error.url.scheme')
  if (!['http', 'https'].includes(g.scheme.toLowerCase())) {
    return fail(loc, 'URL scheme not permitted', 'value_error.url.scheme', { allowed_schemes: ['http', 'https'] })
  }
  if (g.port !== undefined && Number(g.port) > 65535) {
    return fail(loc, 'URL port invalid, port cannot exceed 65535', 'value_error.url.port')
  }
  if (m[0].length !== url.length) {
    const extra = url.slice(m[0].length)
    return fail(loc, `URL invalid, extra characters found after valid URL: ${pyStrRepr(extra)}`, 'value_error.url.extra', { extra })
  }
  const host = g.domain || g.ipv4 || g.ipv6
  if (!host) return fail(loc, 'URL host invalid', 'value_error.url.host')
  if (!g.domain) return ok(url)
  const ascii = ASCII_DOMAIN_RE.exec(host)
  if (ascii?.groups?.tld !== undefined) return ok(url)
  if (!ascii && !INT_DOMAIN_RE.test(host)) return fail(loc, 'URL host invalid', 'value_error.url.host')
  // international (or tld-less) hosts: pydantic rebuilds the URL from its parts with the host IDNA-encoded
  const encoded = idna(host)
  if (encoded === null) {
    return fail(loc, "encoding with 'idna' codec failed (UnicodeError: label invalid)", 'value_error.unicode')
  }
  let rebuilt = `${g.scheme}://`
  if (g.user) rebuilt += g.user
  if (g.password) rebuilt += `:${g.password}`
  if (g.user || g.password) rebuilt += '@'
  rebuilt += encoded
  if (g.port) rebuilt += `:${g.port}`
  if (g.path) rebuilt += g.path
  if (g.query) rebuilt += `?${g.query}`
  if (g.fragment) rebuilt += `#${g.fragment}`
  return ok(rebuilt)
}
