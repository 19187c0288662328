/**
 * The registry's EWKT check of spatial coverage/extent (registry-api/helpers/type_validators.py): the value must
 * start with `SRID=<digits>;<geometry>` (re.match: geometry runs to the first newline), the SRID must be a CRS
 * that pyproj knows, and shapely.from_wkt (GEOS) must parse the geometry.
 *
 * Simplification: any SRID in the EPSG code range 1024-32767 counts as known (no CRS database here).
 */
import { wktProblem } from '../../validation/wkt'

const EWKT_RE = /^SRID=(\d+);([^\n]+)/

/** Returns null when valid, else the registry's message. */
export function ewktProblem(value: string): string | null {
  const m = EWKT_RE.exec(value)
  if (!m) {
    return "Invalid EWKT format recieved. Please use the E-WKT standard of: 'SRID=<SRID>;<WKT Formatted Geometry>'. Where the SRID is an integer number."
  }
  const [, srid, geometry] = m
  if (!/^[1-9]\d*$/.test(srid) || Number(srid) < 1024 || Number(srid) > 32767) {
    return `Invalid SRID integer provided. Details: Invalid projection: epsg:${srid}: (Internal Proj Error: proj_create: crs not found)`
  }
  const problem = wktProblem(geometry)
  return problem === null ? null : `Invalid EWKT format. Failed to parse the geometry inside of the EWKT string. Details: ${problem}`
}
