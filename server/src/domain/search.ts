import type { Queryable } from '../db/database'

export const SEARCH_SUBTYPES = [
  'DATASET', 'PERSON', 'ORGANISATION', 'SOFTWARE', 'MODEL', 'WORKFLOW_TEMPLATE', 'MODEL_RUN_WORKFLOW_TEMPLATE',
  'DATASET_TEMPLATE', 'WORKFLOW_RUN', 'MODEL_RUN', 'STUDY', 'CREATE', 'VERSION',
]

export interface SearchHit {
  id: string
  score: number
}

/**
 * Ranked ids, best first, standing in for Provena's search engine (contract §12): each query word found
 * counts, more in the name and as a whole word. Null when the query holds no words at all.
 */
export async function searchItems(q: Queryable, query: string, subtype: string | undefined): Promise<SearchHit[] | null> {
  const words = [...new Set(query.toLowerCase().split(/[^\p{L}\p{N}.@/-]+/u).filter((w) => w.length > 0))].slice(0, 10)
  if (!words.length) return null
  const params: unknown[] = [words.map((w) => `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)]
  let subtypeClause = ''
  if (subtype) {
    params.push(subtype)
    subtypeClause = ` AND item_subtype = $2`
  }
  const { rows } = await q.query<{ id: string; name: string; text: string }>(
    `SELECT id, lower(display_name) AS name, search_text AS text FROM items
      WHERE record_type = 'COMPLETE_ITEM' AND search_text LIKE ANY ($1)${subtypeClause}`,
    params,
  )
  const scored = rows.map((row) => {
    let score = 0
    for (const word of words) {
      if (row.text.includes(word)) score += 1
      if (row.name.includes(word)) score += 2
      if (new RegExp(`(^|[^\\p{L}\\p{N}])${word.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')}($|[^\\p{L}\\p{N}])`, 'u').test(row.text)) score += 0.5
    }
    return { id: row.id, score: score / words.length }
  })
  return scored.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id))
}
