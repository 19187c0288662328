import { mdiAccountCheckOutline, mdiAccountMultipleOutline, mdiDatabaseOutline, mdiPlusBoxOutline } from '@mdi/js'
import type { RouteLocationRaw } from 'vue-router'

export interface NavEntry {
  title: string
  to: RouteLocationRaw
  icon: string
}

/** The drawer's entries, in the order a steward works through them. */
export const NAV_ENTRIES: NavEntry[] = [
  { title: 'Datasets', to: { name: 'datasets' }, icon: mdiDatabaseOutline },
  { title: 'Approvals', to: { name: 'approvals' }, icon: mdiAccountCheckOutline },
  { title: 'Reviewers', to: { name: 'reviewers' }, icon: mdiAccountMultipleOutline },
  { title: 'Register dataset', to: { name: 'register-dataset' }, icon: mdiPlusBoxOutline },
]
