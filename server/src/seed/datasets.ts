import type { CollectionFormat } from '../domain/types'
import type { Random } from './random'

const PLACES = ['Lizard Island', 'Heron Island', 'Moore Reef', 'Davies Reef', 'Orpheus Island', 'One Tree Island', 'Ningaloo', 'Torres Strait', 'Whitsundays', 'Keppel Islands', 'Osprey Reef', 'Magnetic Island']
const SUBJECTS = ['Coral bleaching survey', 'Sea surface temperature', 'Larval settlement trial', 'Reef fish census', 'Water quality monitoring', 'Benthic cover imagery', 'Coral spawning observations', 'Seagrass extent mapping', 'Crown-of-thorns starfish counts', 'Cloud brightening experiment', 'Ocean acidification sensors', 'Heat stress model outputs']
const METHODS = ['diver transects', 'autonomous sensors', 'drone imagery', 'laboratory tanks', 'satellite retrievals', 'moored loggers', 'citizen science reports', 'ensemble model runs']
const KEYWORDS = ['coral', 'reef', 'bleaching', 'temperature', 'marine heatwave', 'restoration', 'larvae', 'water quality', 'imagery', 'monitoring', 'climate', 'seagrass', 'starfish', 'acidification', 'model']
const FORMATS = ['csv', 'netcdf', 'json', 'tif', 'jpg', 'xlsx', 'pdf', 'parquet']
const LICENCES = [
  'https://creativecommons.org/licenses/by/4.0/',
  'https://creativecommons.org/licenses/by-nc/4.0/',
  'https://creativecommons.org/licenses/by-sa/4.0/',
  'https://opensource.org/licenses/MIT',
]
const EXTERNAL_URIS = ['https://data.example.org/reef/', 'http://archive.example.net/marine/', 'ftp://ftp.example.org/pub/reef/', 'https://thredds.example.org/catalog/']

export const UPDATE_REASONS = [
  'Corrected the description after review',
  'Added keywords',
  'Updated the point of contact',
  'Fixed a typo in the name',
  'Added spatial coverage',
  'Clarified usage limitations',
  'Added temporal resolution',
  'Updated custodian after staff change',
]

function isoDate(epochSeconds: number): string {
  return new Date(epochSeconds * 1000).toISOString().slice(0, 10)
}

function polygonAround(lon: number, lat: number, half: number): string {
  const [w, e, s, n] = [lon - half, lon + half, lat - half, lat + half].map((v) => v.toFixed(3))
  return `SRID=4326;POLYGON((${w} ${s},${e} ${s},${e} ${n},${w} ${n},${w} ${s}))`
}

export interface MetadataRefs {
  organisations: string[]
  custodians: string[]
}

/** Metadata for the n-th demo dataset: varied, and valid in every validation layer. */
export function demoMetadata(rng: Random, n: number, refs: MetadataRefs, createdAt: number): CollectionFormat {
  const subject = rng.pick(SUBJECTS)
  const place = rng.pick(PLACES)
  const year = new Date(createdAt * 1000).getUTCFullYear()
  const method = rng.pick(METHODS)
  const name = `${subject} — ${place} ${year}`
  const external = rng.chance(0.12)
  const createdDate = isoDate(createdAt - rng.int(0, 200) * 86400)
  const published = rng.chance(0.6)
  const cf: CollectionFormat = {
    associations: { organisation_id: rng.pick(refs.organisations) },
    approvals: {
      ethics_registration: { relevant: false, obtained: false },
      ethics_access: { relevant: false, obtained: false },
      indigenous_knowledge: rng.chance(0.15) ? { relevant: true, obtained: true } : { relevant: false, obtained: false },
      export_controls: { relevant: false, obtained: false },
    },
    dataset_info: {
      name,
      description: `${subject} at ${place}, collected with ${method}. ${rng.chance(0.5) ? 'Quality controlled and gap filled.' : 'Raw observations as recorded in the field.'} Part of the reef monitoring series.`,
      access_info: external
        ? { reposited: false, uri: `${rng.pick(EXTERNAL_URIS)}${n}`, description: 'Held by the partner archive; request access through its portal.' }
        : { reposited: true },
      publisher_id: rng.pick(refs.organisations),
      created_date: { relevant: true, value: createdDate },
      published_date: published ? { relevant: true, value: isoDate(createdAt) } : { relevant: false },
      license: rng.pick(LICENCES),
      keywords: rng.some(KEYWORDS, rng.int(2, 5)),
      formats: rng.some(FORMATS, rng.int(1, 3)),
    },
  }
  const info = cf.dataset_info
  if (rng.chance(0.6)) cf.associations.data_custodian_id = rng.pick(refs.custodians)
  if (rng.chance(0.5)) cf.associations.point_of_contact = `data-${n % 7}@example.org`
  if (rng.chance(0.5)) info.purpose = `To understand ${subject.toLowerCase()} trends at ${place}.`
  if (rng.chance(0.3)) info.rights_holder = 'Commonwealth of Australia'
  if (rng.chance(0.3)) info.usage_limitations = 'Not for navigation. Cite the dataset when used.'
  if (rng.chance(0.3)) info.preferred_citation = `${subject} (${year}). Provena data store.`
  if (rng.chance(0.4)) {
    const lon = 142 + rng.next() * 11
    const lat = -24 + rng.next() * 14
    info.spatial_info = { coverage: polygonAround(lon, lat, 0.2), extent: polygonAround(lon, lat, 0.5), resolution: String(rng.pick([0.01, 0.05, 0.1])) }
  }
  if (rng.chance(0.4)) {
    info.temporal_info = { duration: { begin_date: isoDate(createdAt - 365 * 86400), end_date: createdDate }, resolution: rng.pick(['P1D', 'PT1H', 'P1M', 'PT30M']) }
  }
  if (rng.chance(0.25)) info.user_metadata = { project: rng.pick(['RRAP', 'eReefs', 'LTMP']), site_code: `S${rng.int(100, 999)}` }
  return cf
}

/** A plausible edit for a history entry. */
export function editedMetadata(rng: Random, cf: CollectionFormat, reason: string): CollectionFormat {
  const next: CollectionFormat = structuredClone(cf)
  const info = next.dataset_info
  if (reason.startsWith('Added keywords')) info.keywords = [...new Set([...(info.keywords ?? []), rng.pick(KEYWORDS), rng.pick(KEYWORDS)])]
  else if (reason.startsWith('Fixed a typo')) info.name = `${info.name} (revised)`
  else if (reason.startsWith('Updated the point')) next.associations.point_of_contact = `steward+${rng.int(1, 99)}@example.org`
  else if (reason.startsWith('Clarified')) info.usage_limitations = 'Research use only. Contact the custodian before publishing derived products.'
  else info.description = `${info.description} Revised: ${reason.toLowerCase()}.`
  return next
}
