import type { CollectionFormat } from '@/api/models/registry'

const CHECKS = ['ethics_registration', 'ethics_access', 'indigenous_knowledge', 'export_controls'] as const

/** The form a new registration starts from: every group present, no value chosen for the user. */
export function emptyRecord(): CollectionFormat {
  const notRelevant = { relevant: false, obtained: false }
  // Required text and ids are left out rather than "" so the form says "required", not "invalid".
  return {
    associations: {},
    approvals: Object.fromEntries(CHECKS.map((name) => [name, { ...notRelevant }])),
    dataset_info: { access_info: { reposited: true }, created_date: { relevant: false }, published_date: { relevant: false } },
  } as unknown as CollectionFormat
}

/**
 * A clone's starting record: the source's metadata with each consent's "obtained" cleared, as Provena's own
 * clone does — consent given for one dataset is not consent for another, so the steward must confirm it again.
 */
export function cloneRecord(source: CollectionFormat): CollectionFormat {
  const copy = structuredClone(source)
  for (const name of CHECKS) copy.approvals[name] = { relevant: copy.approvals[name]?.relevant ?? false, obtained: false }
  return copy
}
