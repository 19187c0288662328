/**
 * Layer 3: the data store's validate_fields (data-store-api/helpers/metadata_helpers.py). The first failing rule
 * wins, in Provena's order, with Provena's messages: date order, then the four approvals checks
 * (relevant without obtained = consent missing; obtained without relevant = unnecessary consent).
 */
import type { CollectionFormat, OptionallyRequiredCheck } from '../types'

type CheckName = keyof CollectionFormat['approvals']

const CHECK_MESSAGES: [CheckName, string, string][] = [
  [
    'ethics_registration',
    "You cannot register a dataset which contains data subject to ethics and privacy concerns without appropriate permissions and consent for it's registration.",
    'The dataset was marked as having permissions and consent for ethics and privacy concerns but was not marked as containing ethics and privacy sensitive data. Please update the dataset to clarify.',
  ],
  [
    'ethics_access',
    "You cannot register a dataset which contains data subject to ethics and privacy concerns without appropriate permissions and consent for it's access in the system.",
    'The dataset was marked as having permissions and consent for ethics and privacy concerns but was not marked as containing ethics and privacy sensitive data. Please update the dataset to clarify.',
  ],
  [
    'indigenous_knowledge',
    'Please obtain mandatory consent from the relevant Indigenous community for the Indigenous knowledge before registering this dataset.',
    'The dataset does not contain Indigenous knowledge, but consent has been obtained. Please update the dataset to indicate if it contains Indigenous knowledge.',
  ],
  [
    'export_controls',
    'You have marked this dataset as being subject to export controls but have not performed the necessary due diligence checks and acquired approvals. The dataset cannot be registered.',
    'The dataset was marked as not containing sensitive data but has obtained consents. Please update the dataset to indicate whether it is subject to export controls.',
  ],
]

export const DATE_ORDER_MESSAGE = 'The published date cannot be before the creation date.'

/**
 * Returns null or the error text (without the "Failed field value validation. Error: " prefix).
 * Dates are compared only when both have a value (ISO 'YYYY-MM-DD' strings compare in date order).
 */
export function checkFieldRules(cf: CollectionFormat): string | null {
  const created = cf.dataset_info.created_date?.value
  const published = cf.dataset_info.published_date?.value
  if (created && published && published < created) return DATE_ORDER_MESSAGE
  for (const [name, needObtained, unnecessaryObtained] of CHECK_MESSAGES) {
    const check: OptionallyRequiredCheck | undefined = cf.approvals[name]
    if (check?.relevant && !check.obtained) return needObtained
    if (check && !check.relevant && check.obtained) return unnecessaryObtained
  }
  return null
}
