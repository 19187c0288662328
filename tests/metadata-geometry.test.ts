import { describe, expect, it } from 'vitest'
import { geometryText, parseGeometry } from '@/metadata/geometry'

// The seed's shape: a closed ring of five coordinates around a point in Queensland.
const SEEDED = 'SRID=4326;POLYGON((148.1 -35.4,149.0 -35.4,149.0 -35.1,148.1 -35.1,148.1 -35.4))'

describe('parseGeometry', () => {
  it('reads an EWKT polygon: type, SRID, every written coordinate and the bounding box', () => {
    expect(parseGeometry(SEEDED)).toEqual({ type: 'POLYGON', srid: 4326, points: 5, bbox: [148.1, -35.4, 149, -35.1] })
  })

  it('reads plain WKT without an SRID, in any case and spacing', () => {
    expect(parseGeometry('  point ( 145.7  -16.9 ) ')).toEqual({ type: 'POINT', points: 1, bbox: [145.7, -16.9, 145.7, -16.9] })
    expect(parseGeometry('LINESTRING(0 0, 10 5, 20 -3)')).toEqual({ type: 'LINESTRING', points: 3, bbox: [0, -3, 20, 5] })
  })

  it('counts the members of multi-shapes and collections, holes included in the points', () => {
    expect(parseGeometry('SRID=4283;MULTIPOLYGON(((0 0,4 0,4 4,0 0),(1 1,2 1,2 2,1 1)),((10 10,11 10,11 11,10 10)))'))
      .toEqual({ type: 'MULTIPOLYGON', srid: 4283, points: 12, parts: 2, bbox: [0, 0, 11, 11] })
    expect(parseGeometry('MULTIPOINT((1 2),(3 4))')).toMatchObject({ points: 2, parts: 2 })
    expect(parseGeometry('MULTIPOINT(1 2, 3 4, 5 6)')).toMatchObject({ points: 3, parts: 3 })
    expect(parseGeometry('GEOMETRYCOLLECTION(POINT(1 2),LINESTRING(3 4,5 -6))'))
      .toEqual({ type: 'GEOMETRYCOLLECTION', points: 3, parts: 2, bbox: [1, -6, 5, 4] })
  })

  it('takes x and y from coordinates with z or m, and reads EMPTY shapes', () => {
    expect(parseGeometry('POINT Z (1 2 3)')).toMatchObject({ type: 'POINT', bbox: [1, 2, 1, 2] })
    expect(parseGeometry('SRID=4326;POLYGON EMPTY')).toEqual({ type: 'POLYGON', srid: 4326, points: 0 })
    expect(parseGeometry('MULTIPOLYGON EMPTY')).toEqual({ type: 'MULTIPOLYGON', points: 0, parts: 0 })
  })

  it.each([
    ['unbalanced brackets', 'SRID=4326;POLYGON((1 2,3 4,1 2)'],
    ['a stray word', 'POLYGON((1 2,3 4,1 2)) extra'],
    ['a lone number', 'LINESTRING(1 2, 3)'],
    ['brackets at the wrong depth', 'POLYGON(1 2,3 4,1 2)'],
    ['a point with two coordinates', 'POINT(1 2, 3 4)'],
    ['an unknown type', 'CIRCLE(1 2 3)'],
    ['prose', 'Around the Great Barrier Reef'],
    ['an SRID alone', 'SRID=4326;'],
    ['nothing', ''],
    ['only spaces', '   '],
  ])('gives null for %s, so the text is shown as it is', (_, text) => {
    expect(parseGeometry(text)).toBeNull()
  })
})

describe('geometryText', () => {
  it('says the type, the points, the bounding box and the SRID', () => {
    expect(geometryText(parseGeometry(SEEDED)!)).toBe('Polygon · 5 points · bounding box 148.1, -35.4 to 149, -35.1 (SRID 4326)')
  })

  it('gives a point its place rather than a bounding box, and leaves out an SRID the text lacks', () => {
    expect(geometryText(parseGeometry('POINT(145.7 -16.9)')!)).toBe('Point · at 145.7, -16.9')
  })

  it('names the members of a multi-shape and rounds long coordinates', () => {
    expect(geometryText(parseGeometry('MULTIPOLYGON(((0 0,1 0,1 1,0 0)),((2 2,3.1234567891 2,3 3,2 2)))')!))
      .toBe('Multipolygon · 2 polygons · 8 points · bounding box 0, 0 to 3.123457, 3')
  })

  it('says empty for an EMPTY shape', () => {
    expect(geometryText(parseGeometry('SRID=4326;LINESTRING EMPTY')!)).toBe('Line · empty (SRID 4326)')
  })
})
