import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import type { JsonSchema } from '@/api/models/common'
import type { CollectionFormat } from '@/api/models/registry'
import type * as datastore from '@/api/datastore'
import { setAt } from '@/metadata/paths'
import { resetStrictFakes } from './strictFakes'
import schemaFile from '../server/data/dataset-schema.json'
import example from '../server/data/examples/valid_ro_raw1.json'

const fakes = vi.hoisted(() => ({
  validateMetadata: vi.fn<typeof datastore.validateMetadata>(),
  revertMetadata: vi.fn<typeof datastore.revertMetadata>(),
}))
vi.mock('@/api/datastore', () => ({ validateMetadata: fakes.validateMetadata, revertMetadata: fakes.revertMetadata }))
const { useMetadataRevertStore } = await import('@/stores/metadataRevert')

const schema = schemaFile as JsonSchema
const valid = example as unknown as CollectionFormat

beforeEach(() => {
  setActivePinia(createPinia())
  resetStrictFakes(fakes)
})

describe('the revert pre-check', () => {
  it('refuses an entry that breaks a rule of today without asking the data store', async () => {
    const store = useMetadataRevertStore()
    const legacy = setAt(valid, 'approvals.indigenous_knowledge', { relevant: true, obtained: false })
    await store.check(schema, 3, legacy)
    expect(store.checked?.historyId).toBe(3)
    expect(store.checked?.problems.map((p) => p.path)).toEqual(['approvals.indigenous_knowledge.obtained'])
    expect(fakes.validateMetadata).not.toHaveBeenCalled()
  })

  it("places the data store's refusal at the field it names", async () => {
    fakes.validateMetadata.mockResolvedValue({ success: false, details: "Registry API responded with an error during validation, error: organisation_id '10378.1/9' does not exist in the registry." })
    const store = useMetadataRevertStore()
    await store.check(schema, 1, valid)
    expect(store.checked?.problems).toEqual([{ path: 'associations.organisation_id', message: "organisation_id '10378.1/9' does not exist in the registry." }])
    expect(store.checked?.details).toMatch(/does not exist/)
  })

  it('passes an entry both checks accept', async () => {
    fakes.validateMetadata.mockResolvedValue({ success: true, details: '' })
    const store = useMetadataRevertStore()
    await store.check(schema, 1, valid)
    expect(store.checked).toEqual({ historyId: 1, problems: [], details: null })
  })
})
