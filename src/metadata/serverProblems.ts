import type { MetadataProblem } from './validate'

/**
 * The data store's soft refusals are one sentence ("…, error: spatial_info.coverage: Invalid EWKT format…").
 * Where the sentence names a field of the form, the refusal is shown at that field instead of only above it;
 * `fields` are the form's dotted paths. A sentence naming no field, or several, gives no problem.
 */
export function problemsFromDetails(details: string, fields: string[]): MetadataProblem[] {
  const message = details.replace(/^.*?\berror:\s*/i, '').trim() || details
  // Field names have an underscore or a dot; plain words ("name", "the") never match a field.
  const named = (details.match(/[a-z_]+(?:\.[a-z_]+)*/g) ?? []).filter((word) => /[_.]/.test(word))
  const matches = fields.filter((path) => named.some((name) => path === name || path.endsWith(`.${name}`)))
  if (matches.length !== 1) return []
  // The sentence repeats the path the field already shows as its title.
  return [{ path: matches[0], message: message.replace(/^[a-z_.]+:\s*/, '') }]
}
