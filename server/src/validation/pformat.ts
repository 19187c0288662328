/**
 * pprint.pformat(obj, width=72, sort_dicts=...) for JSON values, as jsonschema's error str uses it (jsonschema
 * 4.x passes sort_dicts=False; older releases used the default, True).
 */
import { cmpCodePoints, isPlainObject, pyLen, pyRepr, pyStrRepr } from './python'

const WIDTH = 72
const LINE_BREAKS = new Set([10, 11, 12, 13, 28, 29, 30, 0x85, 0x2028, 0x2029])

/** str.splitlines(keepends=True) */
function splitlines(s: string): string[] {
  const lines: string[] = []
  let start = 0
  for (let i = 0; i < s.length; i++) {
    if (!LINE_BREAKS.has(s.charCodeAt(i))) continue
    if (s[i] === '\r' && s[i + 1] === '\n') i++
    lines.push(s.slice(start, i + 1))
    start = i + 1
  }
  if (start < s.length) lines.push(s.slice(start))
  return lines
}

class Printer {
  out = ''

  constructor(private readonly sortDicts: boolean) {}

  format(o: unknown, indent: number, allowance: number, level: number): void {
    const rep = pyRepr(o, this.sortDicts)
    if (pyLen(rep) > WIDTH - indent - allowance) {
      if (isPlainObject(o)) return this.dict(o, indent, allowance, level + 1)
      if (Array.isArray(o)) return this.list(o, indent, allowance, level + 1)
      if (typeof o === 'string') return this.str(o, indent, allowance, level + 1)
    }
    this.out += rep
  }

  dict(o: Record<string, unknown>, indent: number, allowance: number, level: number): void {
    this.out += '{'
    const keys = Object.keys(o)
    if (this.sortDicts) keys.sort(cmpCodePoints)
    const inner = indent + 1
    keys.forEach((k, i) => {
      const last = i === keys.length - 1
      const rep = pyStrRepr(k)
      this.out += `${rep}: `
      this.format(o[k], inner + pyLen(rep) + 2, last ? allowance + 1 : 1, level)
      if (!last) this.out += `,\n${' '.repeat(inner)}`
    })
    this.out += '}'
  }

  list(o: unknown[], indent: number, allowance: number, level: number): void {
    this.out += '['
    const inner = indent + 1
    o.forEach((item, i) => {
      const last = i === o.length - 1
      this.format(item, inner, last ? allowance + 1 : 1, level)
      if (!last) this.out += `,\n${' '.repeat(inner)}`
    })
    this.out += ']'
  }

  str(s: string, indent: number, allowance: number, level: number): void {
    if (!s.length) {
      this.out += pyStrRepr(s)
      return
    }
    if (level === 1) {
      indent += 1
      allowance += 1
    }
    const lines = splitlines(s)
    const chunks: string[] = []
    const maxWidth = WIDTH - indent
    let maxWidth1 = maxWidth
    lines.forEach((line, i) => {
      const rep = pyStrRepr(line)
      const lastLine = i === lines.length - 1
      if (lastLine) maxWidth1 -= allowance
      if (pyLen(rep) <= maxWidth1) {
        chunks.push(rep)
        return
      }
      const parts = line.match(/\S*\s*/g) ?? []
      parts.pop()
      let maxWidth2 = maxWidth
      let current = ''
      parts.forEach((part, j) => {
        const candidate = current + part
        if (j === parts.length - 1 && lastLine) maxWidth2 -= allowance
        if (pyLen(pyStrRepr(candidate)) > maxWidth2) {
          if (current) chunks.push(pyStrRepr(current))
          current = part
        } else current = candidate
      })
      if (current) chunks.push(pyStrRepr(current))
    })
    if (chunks.length === 1) {
      this.out += chunks[0]
      return
    }
    if (level === 1) this.out += '('
    this.out += chunks.join(`\n${' '.repeat(indent)}`)
    if (level === 1) this.out += ')'
  }
}

export function pformat(o: unknown, sortDicts = false): string {
  const p = new Printer(sortDicts)
  p.format(o, 0, 0, 0)
  return p.out
}
