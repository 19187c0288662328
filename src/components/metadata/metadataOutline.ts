import { inject, nextTick, provide, reactive, type InjectionKey, type Ref } from 'vue'
import type { MetadataNode } from '@/metadata/describe'
import { allSectionKeys, sectionId, sectionKey } from '@/metadata/sections'

/** What a section of the metadata view asks the outline: is it open, and open or close it. */
export interface MetadataOutline {
  isOpen(path: string[]): boolean
  toggle(path: string[]): void
}

const OUTLINE: InjectionKey<MetadataOutline> = Symbol('metadata outline')

/** The id of the button in a section's heading: where a jump from the index leaves the focus. */
export const sectionToggleId = (path: string[]) => `${sectionId(path)}-toggle`

/**
 * Open and closed sections for one metadata view, provided to its sections at every depth. Every section
 * starts open: a closed one must never hide a value the reader did not choose to hide. Not provided when
 * `enabled` is false, so the sections stay plain headings.
 */
export function provideMetadataOutline(nodes: Ref<MetadataNode[]>, enabled: boolean) {
  const closed = reactive(new Set<string>())
  const outline: MetadataOutline = {
    isOpen: (path) => !closed.has(sectionKey(path)),
    toggle: (path) => {
      const key = sectionKey(path)
      if (closed.has(key)) closed.delete(key)
      else closed.add(key)
    },
  }
  if (enabled) provide(OUTLINE, outline)

  /** Opens the section and those around it, then moves the focus (and the page) to its heading. */
  async function jump(path: string[]) {
    for (let i = 1; i <= path.length; i++) closed.delete(sectionKey(path.slice(0, i)))
    await nextTick()
    const toggle = document.getElementById(sectionToggleId(path))
    toggle?.scrollIntoView({ block: 'start' })
    toggle?.focus({ preventScroll: true })
  }

  return {
    jump,
    expandAll: () => closed.clear(),
    collapseAll: () => allSectionKeys(nodes.value).forEach((key) => closed.add(key)),
  }
}

/** The outline of the view around, or undefined where sections cannot collapse (history, review). */
export function useMetadataOutline(): MetadataOutline | undefined {
  return inject(OUTLINE, undefined)
}
