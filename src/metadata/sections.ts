/**
 * The Metadata tab's outline: which sections the index lists and which ones "collapse all" closes. Built
 * from the same described tree the view shows, so the index never names a section the page leaves out.
 */
import type { MetadataNode } from './describe'

export interface SectionEntry {
  path: string[]
  title: string
  children: SectionEntry[]
}

/** The key of a section in the open/closed state: its path, which is stable across snapshots. */
export const sectionKey = (path: string[]) => path.join('.')

/** The id of a section's element, for the index's links; property names are safe in ids. */
export const sectionId = (path: string[]) => `metadata-${path.join('-')}`

/** Sections and their sub-sections down to `depth` levels; deeper groups are reached by opening these. */
export function sectionIndex(nodes: MetadataNode[], depth = 2): SectionEntry[] {
  if (depth < 1) return []
  return nodes.flatMap((node) =>
    node.kind === 'group' ? [{ path: node.path, title: node.title, children: sectionIndex(node.children, depth - 1) }] : [],
  )
}

/** Every section at every depth, for collapsing them all. */
export function allSectionKeys(nodes: MetadataNode[]): string[] {
  return nodes.flatMap((node) => (node.kind === 'group' ? [sectionKey(node.path), ...allSectionKeys(node.children)] : []))
}
