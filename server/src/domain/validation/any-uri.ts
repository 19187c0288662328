/** Provena's AnyUri (ProvenaInterfaces/helpers/types.py): an RFC 3986 full match, with its error messages. */
import { lengthCheck } from '../../validation/coerce'
import { fail, ok, valueError, type Loc, type Result } from '../../validation/errors'
import { isPyInt } from '../../validation/python'

// RFC 3986, transcribed from RFC3986Regex (group names dropped: only the full match matters)
const HEXDIG = '[0-9a-fA-F]'
const DEC_OCTET = '([0-9]|[1-9][0-9]|1[0-9]{2}|2[0-4][0-9]|25[0-5])'
const IPV4 = `${DEC_OCTET}(\\.${DEC_OCTET}){3}`
const H16 = `${HEXDIG}{1,4}`
const LS32 = `(${H16}:${H16}|${IPV4})`
const IPV6 = [
  `(${H16}:){6}${LS32}`,
  `::(${H16}:){5}${LS32}`,
  `(${H16})?::(${H16}:){4}${LS32}`,
  `(${H16}:){0,1}(${H16})?::(${H16}:){3}${LS32}`,
  `(${H16}:){0,2}(${H16})?::(${H16}:){2}${LS32}`,
  `(${H16}:){0,3}(${H16})?::${H16}:${LS32}`,
  `(${H16}:){0,4}(${H16})?::${LS32}`,
  `(${H16}:){0,5}(${H16})?::${H16}`,
  `(${H16}:){0,6}(${H16})?::`,
].join('|')
const PCT = `%${HEXDIG}${HEXDIG}`
const SUB_DELIMS = "[!$&'()*+,;=]"
const UNRESERVED = '[a-zA-Z0-9\\-._~]'
const USERINFO = `(${UNRESERVED}|${PCT}|${SUB_DELIMS}|:)*`
const IP_LITERAL = `\\[((${IPV6})|v${HEXDIG}+\\.(${UNRESERVED}|${SUB_DELIMS}|:)+)\\]`
const REG_NAME = `(${UNRESERVED}|${PCT}|${SUB_DELIMS})*`
const AUTHORITY = `(${USERINFO}@)?(${IP_LITERAL}|${IPV4}|${REG_NAME})(:\\d*)?`
const PCHAR = `(${UNRESERVED}|${PCT}|${SUB_DELIMS}|[:@])`
const SEGMENT = `(${PCHAR})*`
const SEGMENT_NZ = `(${PCHAR})+`
const PATH_ABSOLUTE = `/(${SEGMENT_NZ}(/${SEGMENT})*)?`
const PATH_ABEMPTY = `(/${SEGMENT})*`
const PATH_ROOTLESS = `${SEGMENT_NZ}(/${SEGMENT})*`
const QUERY = `(${PCHAR}|[/?])*`
const HIERARCHY = `(//${AUTHORITY}${PATH_ABEMPTY}|${PATH_ABSOLUTE}|${PATH_ROOTLESS}|)`
const URI_RE = new RegExp(`^[a-zA-Z][a-zA-Z0-9+\\-.]*:${HIERARCHY}(\\?${QUERY})?(#${QUERY})?$`)

/** AnyUri.validate: length check on the raw value (no str coercion), then an RFC 3986 full match. */
export function anyUriValidator(v: unknown, loc: Loc): Result<string> {
  if (typeof v === 'number' || typeof v === 'boolean') {
    const kind = typeof v === 'boolean' ? 'bool' : isPyInt(v) ? 'int' : 'float'
    return fail(loc, `object of type '${kind}' has no len()`, 'type_error')
  }
  if (typeof v !== 'string') {
    const list = Array.isArray(v)
    if ((list ? v.length : Object.keys(v as object).length) < 1) return lengthCheck('', loc, 1)
    return fail(loc, `expected string or bytes-like object, got '${list ? 'list' : 'dict'}'`, 'type_error')
  }
  const len = lengthCheck(v, loc, 1)
  if (!len.ok) return len
  let matches: boolean
  try {
    matches = URI_RE.test(v)
  } catch {
    matches = false // regex engine gave up (pathologically long input)
  }
  return matches ? ok(v) : valueError(loc, 'invalid uri or missing scheme')
}
