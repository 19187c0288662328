/**
 * WKT and EWKT shapes (the data store's spatial coverage and extent) read for people: what kind of shape,
 * how many points and where it lies, instead of a wall of coordinates. Pure, so the summary is tested here
 * and the Metadata tab only shows it.
 */

export type GeometryType =
  | 'POINT' | 'LINESTRING' | 'POLYGON' | 'MULTIPOINT' | 'MULTILINESTRING' | 'MULTIPOLYGON' | 'GEOMETRYCOLLECTION'

export interface Geometry {
  type: GeometryType
  /** From the EWKT prefix (SRID=4326;); plain WKT has none. */
  srid?: number
  /** Coordinates as written, so a closed ring counts its closing point as the text does. */
  points: number
  /** The members of a multi-shape or collection; absent for single shapes. */
  parts?: number
  /** [min x, min y, max x, max y]; absent for an EMPTY shape. */
  bbox?: [number, number, number, number]
}

/**
 * How deep coordinates sit in each type's brackets: POINT(1 2) is 1, POLYGON((…)) 2, MULTIPOLYGON(((…))) 3.
 * MULTIPOINT may be written either way, (1 2, 3 4) or ((1 2), (3 4)).
 */
const DEPTHS: Record<Exclude<GeometryType, 'GEOMETRYCOLLECTION'>, number[]> = {
  POINT: [1], LINESTRING: [1], POLYGON: [2], MULTIPOINT: [1, 2], MULTILINESTRING: [2], MULTIPOLYGON: [3],
}

const TOKEN = /\s*(?:([(),])|([A-Za-z]+)|([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?))/y

class Malformed extends Error {}

function tokenise(text: string): string[] {
  const tokens: string[] = []
  TOKEN.lastIndex = 0
  while (TOKEN.lastIndex < text.length) {
    const at = TOKEN.lastIndex
    const match = TOKEN.exec(text)
    if (!match) {
      if (/^\s*$/.test(text.slice(at))) break
      throw new Malformed()
    }
    tokens.push(match[1] ?? match[2]?.toUpperCase() ?? match[3])
  }
  return tokens
}

interface Reading { coords: number[][]; parts?: number }

class Reader {
  private at = 0
  constructor(private readonly tokens: string[]) {}

  private next(): string | undefined { return this.tokens[this.at++] }
  private peek(): string | undefined { return this.tokens[this.at] }
  private expect(token: string) { if (this.next() !== token) throw new Malformed() }
  done(): boolean { return this.at === this.tokens.length }

  /** One tagged shape: POINT (…), POLYGON Z ((…)), MULTIPOINT EMPTY, GEOMETRYCOLLECTION (POINT(…), …). */
  shape(): Reading & { type: GeometryType } {
    const type = this.next() as GeometryType
    if (type !== 'GEOMETRYCOLLECTION' && !(type in DEPTHS)) throw new Malformed()
    if (['Z', 'M', 'ZM'].includes(this.peek() ?? '')) this.at++
    if (this.peek() === 'EMPTY') {
      this.at++
      return { type, coords: [], parts: type.startsWith('MULTI') || type === 'GEOMETRYCOLLECTION' ? 0 : undefined }
    }
    if (type === 'GEOMETRYCOLLECTION') {
      const members = this.list(() => this.shape())
      return { type, coords: members.flatMap((m) => m.coords), parts: members.length }
    }
    const { coords, depths, members } = this.nested(0)
    if (depths.some((d) => !DEPTHS[type].includes(d)) || (type === 'POINT' && coords.length !== 1)) throw new Malformed()
    return { type, coords, parts: type.startsWith('MULTI') ? members : undefined }
  }

  /** A bracketed, comma-separated list; each item read by `item`. */
  private list<T>(item: () => T): T[] {
    this.expect('(')
    const items = [item()]
    while (this.peek() === ',') {
      this.at++
      items.push(item())
    }
    this.expect(')')
    return items
  }

  /** Brackets within brackets down to coordinates, noting the depth each coordinate was found at. */
  private nested(depth: number): { coords: number[][]; depths: number[]; members: number } {
    const coords: number[][] = []
    const depths: number[] = []
    const items = this.list(() => {
      if (this.peek() === '(') {
        const inner = this.nested(depth + 1)
        coords.push(...inner.coords)
        depths.push(...inner.depths)
      } else {
        coords.push(this.coordinate())
        depths.push(depth + 1)
      }
    })
    return { coords, depths, members: items.length }
  }

  /** x y, with an optional z and m. */
  private coordinate(): number[] {
    const values: number[] = []
    while (values.length < 4 && /^[-+.\d]/.test(this.peek() ?? '')) values.push(Number(this.next()))
    if (values.length < 2 || values.some((v) => !Number.isFinite(v))) throw new Malformed()
    return values
  }
}

/** The shape in `text`, or null when it is not WKT or EWKT we can read (then show the text as it is). */
export function parseGeometry(text: string): Geometry | null {
  const match = /^\s*(?:SRID=(\d+)\s*;)?(.*)$/is.exec(text)
  if (!match || !match[2].trim()) return null
  try {
    const reader = new Reader(tokenise(match[2]))
    const { type, coords, parts } = reader.shape()
    if (!reader.done()) return null
    const geometry: Geometry = { type, points: coords.length }
    if (match[1]) geometry.srid = Number(match[1])
    if (parts !== undefined) geometry.parts = parts
    if (coords.length) {
      const xs = coords.map((c) => c[0])
      const ys = coords.map((c) => c[1])
      geometry.bbox = [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)]
    }
    return geometry
  } catch (error) {
    if (error instanceof Malformed) return null
    throw error
  }
}

const NAMES: Record<GeometryType, string> = {
  POINT: 'Point', LINESTRING: 'Line', POLYGON: 'Polygon', MULTIPOINT: 'Multipoint',
  MULTILINESTRING: 'Multiline', MULTIPOLYGON: 'Multipolygon', GEOMETRYCOLLECTION: 'Geometry collection',
}
const PART_WORDS: Partial<Record<GeometryType, string>> = {
  MULTILINESTRING: 'line', MULTIPOLYGON: 'polygon', GEOMETRYCOLLECTION: 'shape',
}

const count = (n: number, word: string) => `${n.toLocaleString()} ${word}${n === 1 ? '' : 's'}`
// Six decimals is about 10 cm in degrees: enough to check a shape, short enough to read.
const coordinate = (v: number) => String(Math.round(v * 1e6) / 1e6)

/** "Polygon · 5 points · bounding box 148.1, -35.4 to 149, -35.1 (SRID 4326)". */
export function geometryText(geometry: Geometry): string {
  const parts = [NAMES[geometry.type]]
  const partWord = PART_WORDS[geometry.type]
  if (partWord && geometry.parts) parts.push(count(geometry.parts, partWord))
  const [minX, minY, maxX, maxY] = geometry.bbox ?? []
  if (!geometry.bbox) parts.push('empty')
  else if (geometry.type === 'POINT') parts.push(`at ${coordinate(minX!)}, ${coordinate(minY!)}`)
  else parts.push(count(geometry.points, 'point'), `bounding box ${coordinate(minX!)}, ${coordinate(minY!)} to ${coordinate(maxX!)}, ${coordinate(maxY!)}`)
  const text = parts.join(' · ')
  return geometry.srid === undefined ? text : `${text} (SRID ${geometry.srid})`
}
