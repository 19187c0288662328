/**
 * shapely.from_wkt (GEOS) as far as parsing goes: the seven OGC simple-feature types with optional Z/M/ZM and
 * EMPTY, GEOS's construction rules (linestrings 0 or >= 2 points, rings closed with 0 or >= 4 points) and
 * GEOS-style messages.
 */

type Token = { kind: 'word'; text: string } | { kind: 'number'; value: number } | { kind: '(' | ')' | ',' | 'eof' }

const NUMBER_RE = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/
const WORD_RE = /^[^\s(),]+/
const TYPES = ['POINT', 'LINESTRING', 'POLYGON', 'MULTIPOINT', 'MULTILINESTRING', 'MULTIPOLYGON', 'GEOMETRYCOLLECTION']

class WktError extends Error {}

const parseError = (msg: string) => new WktError(`ParseException: ${msg}`)
const argError = (msg: string) => new WktError(`IllegalArgumentException: ${msg}`)

function describe(t: Token): string {
  if (t.kind === 'eof') return 'end of stream'
  if (t.kind === 'word') return `word: '${t.text}'`
  if (t.kind === 'number') return `number: ${t.value}`
  return `'${t.kind}'`
}

class WktReader {
  private pos = 0
  private peeked: Token | null = null

  constructor(private readonly text: string) {}

  peek(): Token {
    this.peeked ??= this.read()
    return this.peeked
  }

  next(): Token {
    const t = this.peek()
    this.peeked = null
    return t
  }

  private read(): Token {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos])) this.pos++
    if (this.pos >= this.text.length) return { kind: 'eof' }
    const rest = this.text.slice(this.pos, this.pos + 400)
    const c = rest[0]
    if (c === '(' || c === ')' || c === ',') {
      this.pos++
      return { kind: c }
    }
    const num = NUMBER_RE.exec(rest)
    if (num) {
      this.pos += num[0].length
      return { kind: 'number', value: Number(num[0]) }
    }
    const word = WORD_RE.exec(rest)?.[0] ?? c
    this.pos += word.length
    return { kind: 'word', text: word }
  }

  private isWord(t: Token, ...words: string[]): boolean {
    return t.kind === 'word' && words.includes(t.text.toUpperCase())
  }

  /** 'EMPTY' (consumed, returns false) or '(' (consumed, returns true). */
  private opener(): boolean {
    const t = this.next()
    if (this.isWord(t, 'EMPTY')) return false
    if (t.kind === '(') return true
    throw parseError(`Expected 'EMPTY' or '(' but encountered ${describe(t)}`)
  }

  /** After an element: true if another follows (','), false at ')'. */
  private more(): boolean {
    const t = this.next()
    if (t.kind === ',') return true
    if (t.kind === ')') return false
    throw parseError(`Expected ')' or ',' but encountered ${describe(t)}`)
  }

  private number(): number {
    const t = this.next()
    if (t.kind !== 'number') throw parseError(`Expected number but encountered ${describe(t)}`)
    return t.value
  }

  private coordinate(dims: number | null): number[] {
    const c = [this.number(), this.number()]
    const max = dims ?? 4
    while (c.length < max && (dims !== null || this.peek().kind === 'number')) c.push(this.number())
    return c
  }

  /** '(' already consumed: coordinates up to ')'. */
  private coordinates(dims: number | null): number[][] {
    const list = [this.coordinate(dims)]
    while (this.more()) list.push(this.coordinate(dims))
    return list
  }

  private lineString(dims: number | null): void {
    if (this.opener() && this.coordinates(dims).length < 2) throw argError('point array must contain 0 or >1 elements')
  }

  private ring(dims: number | null): void {
    if (!this.opener()) return
    const points = this.coordinates(dims)
    const [first, last] = [points[0], points[points.length - 1]]
    if (first[0] !== last[0] || first[1] !== last[1]) throw argError('Points of LinearRing do not form a closed linestring')
    if (points.length < 4) throw argError(`Invalid number of points in LinearRing found ${points.length} - must be 0 or >= 4`)
  }

  private polygon(dims: number | null): void {
    if (!this.opener()) return
    do this.ring(dims)
    while (this.more())
  }

  /** Each element of a multi-geometry: EMPTY or a parenthesised part (or, for points, a bare coordinate). */
  private multi(part: () => void, barePoints = false, dims: number | null = null): void {
    if (!this.opener()) return
    do {
      if (barePoints && this.peek().kind === 'number') this.coordinate(dims)
      else part()
    } while (this.more())
  }

  geometry(depth = 0): void {
    if (depth > 1000) throw parseError('Geometry collections nested too deeply')
    const t = this.next()
    if (t.kind !== 'word') throw parseError(`Expected word but encountered ${describe(t)}`)
    const type = t.text.toUpperCase()
    if (!TYPES.includes(type)) throw parseError(`Unknown type: '${type}'`)
    let dims: number | null = null
    const d = this.peek()
    if (this.isWord(d, 'Z', 'M', 'ZM')) {
      this.next()
      dims = d.kind === 'word' && d.text.toUpperCase() === 'ZM' ? 4 : 3
    }
    const point = () => {
      if (this.opener()) {
        this.coordinate(dims)
        const close = this.next()
        if (close.kind !== ')') throw parseError(`Expected ')' but encountered ${describe(close)}`)
      }
    }
    switch (type) {
      case 'POINT':
        return point()
      case 'LINESTRING':
        return this.lineString(dims)
      case 'POLYGON':
        return this.polygon(dims)
      case 'MULTIPOINT':
        return this.multi(point, true, dims)
      case 'MULTILINESTRING':
        return this.multi(() => this.lineString(dims))
      case 'MULTIPOLYGON':
        return this.multi(() => this.polygon(dims))
      default:
        return this.multi(() => this.geometry(depth + 1))
    }
  }

  end(): void {
    if (this.peek().kind !== 'eof') throw parseError('Unexpected text after end of geometry')
  }
}

/** Null when GEOS would build the geometry, else its exception text ("ParseException: ..."). */
export function wktProblem(geometry: string): string | null {
  try {
    const reader = new WktReader(geometry)
    reader.geometry()
    reader.end()
    return null
  } catch (e) {
    if (!(e instanceof WktError)) throw e
    return e.message
  }
}
