import { describe, expect, expectTypeOf, it } from 'vitest'
import { REALM_ROLES } from '@/api/models/common'
import type { DatasetListResponse, MintResponse, RegistryFetchResponse } from '@/api/models/datastore'
import { DATASET_ROLES, ITEM_SUBTYPES, RELEASED_STATUSES, SORT_TYPES, type CollectionFormat, type CollectionFormatDatasetInfo, type DatasetRole, type ItemDataset, type ReleasedStatus } from '@/api/models/registry'
import type { PaginationKey } from '@/api/models/registryApi'

// The data store API's own valid_ro_raw1.json (contract/examples), with `obtained` spelled out as the
// server sends it back.
const check = { relevant: false, obtained: false }
const reposited = {
  associations: { organisation_id: '10378.1/1000001' },
  approvals: { ethics_registration: check, ethics_access: check, indigenous_knowledge: check, export_controls: check },
  dataset_info: {
    name: 'Coral results 2021-02-30',
    description: 'Results of counterfactual model run',
    access_info: { reposited: true },
    publisher_id: '10378.1/1000001',
    created_date: { relevant: true, value: '2021-12-25' },
    published_date: { relevant: true, value: '2021-12-25' },
    license: 'https://creativecommons.org/licenses/by/4.0/',
    keywords: ['keyword1', 'keyword2'],
  },
} satisfies CollectionFormat

// valid_ro_raw2.json: data held elsewhere, so the access info carries a URI and description.
const external = {
  associations: reposited.associations,
  approvals: reposited.approvals,
  dataset_info: {
    name: 'Coral results 2021-02-30',
    description: 'Results of counterfactual model run',
    publisher_id: '10378.1/1000001',
    access_info: { reposited: false, description: 'Fake', uri: 'https://fake.url.com' },
    created_date: { relevant: true, value: '2021-12-25' },
    published_date: { relevant: true, value: '2021-12-25' },
    license: 'https://creativecommons.org/licenses/by/4.0/',
  },
} satisfies CollectionFormat

// Every optional field, as a response sends them: explicit nulls and filled-in sub-objects.
const full = {
  associations: { organisation_id: '10378.1/1000001', data_custodian_id: null, point_of_contact: 'data@example.org' },
  approvals: { ...reposited.approvals, indigenous_knowledge: { relevant: true, obtained: true } },
  dataset_info: {
    ...reposited.dataset_info,
    access_info: { reposited: true, uri: null, description: null },
    created_date: { relevant: false, value: null },
    purpose: null,
    rights_holder: 'AIMS',
    usage_limitations: null,
    preferred_citation: null,
    spatial_info: { coverage: 'SRID=4326;POINT(145.7 -16.9)', resolution: '0.01', extent: null },
    temporal_info: { duration: { begin_date: '2020-01-01', end_date: '2020-12-31' }, resolution: 'P1D' },
    formats: ['csv'],
    user_metadata: { project: 'reef' },
    version: null,
  },
} satisfies CollectionFormat

const dataset = {
  id: '10378.1/1451860',
  owner_username: 'steward',
  created_timestamp: 1_700_000_000,
  updated_timestamp: 1_700_000_500,
  item_category: 'ENTITY',
  item_subtype: 'DATASET',
  record_type: 'COMPLETE_ITEM',
  workflow_links: { create_activity_workflow_id: 'job-1', version_activity_workflow_id: null },
  versioning_info: { version: 1, previous_version: null, reason: null, next_version: null },
  display_name: reposited.dataset_info.name,
  user_metadata: null,
  collection_format: reposited,
  s3: { bucket_name: 'store', path: 'datasets/10378-1-1451860/', s3_uri: 's3://store/datasets/10378-1-1451860/' },
  release_history: [
    { action: 'REQUEST', timestamp: 1_700_000_400, approver: '10378.1/2', requester: '10378.1/3', notes: 'Please review' },
    { action: 'APPROVE', timestamp: 1_700_000_500, approver: '10378.1/2', requester: null, notes: 'Fine' },
  ],
  release_status: 'RELEASED',
  release_approver: '10378.1/2',
  release_timestamp: 1_700_000_500,
  access_info_uri: null,
  history: [
    {
      id: 0,
      timestamp: 1_700_000_000,
      reason: 'Initial record creation',
      username: 'steward',
      item: {
        display_name: reposited.dataset_info.name,
        collection_format: reposited,
        s3: { bucket_name: 'store', path: 'datasets/10378-1-1451860/', s3_uri: 's3://store/datasets/10378-1-1451860/' },
        release_history: [],
        release_status: 'NOT_RELEASED',
      },
    },
  ],
} satisfies ItemDataset

describe('wire models', () => {
  it('accept the contract example payloads and a fully filled dataset', () => {
    expect([reposited, external, full].map((cf) => cf.dataset_info.name)).toEqual(Array(3).fill('Coral results 2021-02-30'))
    const fetched: RegistryFetchResponse = { status: { success: true, details: 'ok' }, item: dataset, roles: ['metadata-read'], locked: false }
    const page: DatasetListResponse = {
      status: { success: true, details: 'ok' },
      items: [dataset],
      seed_items: [],
      unparsable_items: [],
      total_item_count: 1,
      complete_item_count: 1,
      seed_item_count: 0,
      unparsable_item_count: 0,
      not_authorised_count: 0,
      pagination_key: { id: dataset.id, item_subtype: 'DATASET', updated_timestamp: dataset.updated_timestamp },
    }
    expect(fetched.item?.history[0]?.item.release_status).toBe('NOT_RELEASED')
    expect(page.items[0]?.release_history.at(-1)?.action).toBe('APPROVE')
  })

  it('type optional fields as omitted-or-null and required ones as plain', () => {
    expectTypeOf<CollectionFormatDatasetInfo['purpose']>().toEqualTypeOf<string | null | undefined>()
    expectTypeOf<CollectionFormatDatasetInfo['user_metadata']>().toEqualTypeOf<Record<string, string> | null | undefined>()
    expectTypeOf<ItemDataset['release_approver']>().toEqualTypeOf<string | null | undefined>()
    expectTypeOf<MintResponse['handle']>().toEqualTypeOf<string | null | undefined>()
    expectTypeOf<CollectionFormatDatasetInfo['license']>().toEqualTypeOf<string>()
    expectTypeOf<ItemDataset['release_status']>().toEqualTypeOf<ReleasedStatus>()
    expectTypeOf<DatasetListResponse['pagination_key']>().toEqualTypeOf<PaginationKey | null | undefined>()
    expectTypeOf<RegistryFetchResponse['roles']>().toEqualTypeOf<DatasetRole[] | null | undefined>()
    // The server rejects unknown keys (extra=forbid), so they are type errors here too.
    const misspelt: CollectionFormatDatasetInfo = {
      ...reposited.dataset_info,
      // @ts-expect-error the wire spells it `license`
      licence: 'https://creativecommons.org/licenses/by/4.0/',
    }
    // @ts-expect-error not a release status
    const status: ReleasedStatus = 'DRAFT'
    expect([misspelt.name, status]).toEqual(['Coral results 2021-02-30', 'DRAFT'])
  })

  it('list every value of the enumerations a UI offers', () => {
    expect(RELEASED_STATUSES).toEqual(['NOT_RELEASED', 'PENDING', 'RELEASED'])
    expect(SORT_TYPES).toEqual(['CREATED_TIME', 'UPDATED_TIME', 'DISPLAY_NAME', 'RELEASE_TIMESTAMP', 'ACCESS_INFO_URI_BEGINS_WITH'])
    expect(DATASET_ROLES).toEqual(['metadata-read', 'metadata-write', 'dataset-data-read', 'dataset-data-write', 'admin'])
    expect(REALM_ROLES).toEqual([
      'entity-registry-read',
      'entity-registry-write',
      'entity-registry-admin',
      'sys-admin-read',
      'sys-admin-write',
      'sys-admin-admin',
    ])
    expect(ITEM_SUBTYPES).toHaveLength(13)
    expect(ITEM_SUBTYPES).toEqual(expect.arrayContaining(['DATASET', 'PERSON', 'ORGANISATION']))
    expect(new Set(ITEM_SUBTYPES).size).toBe(ITEM_SUBTYPES.length)
  })
})
