import type { ItemDataset, LockEvent } from '@/api/models/registry'

/** What a timeline entry is about; the filter offers these. */
export type TimelineKind = 'metadata' | 'revert' | 'version' | 'lock' | 'release'

export const TIMELINE_KINDS: { value: TimelineKind; title: string }[] = [
  { value: 'metadata', title: 'Metadata edits' },
  { value: 'revert', title: 'Reverts' },
  { value: 'version', title: 'Versions' },
  { value: 'lock', title: 'Locks' },
  { value: 'release', title: 'Release' },
]

/** Who did it, as the wire names them: history and lock entries by username, release entries by Person id. */
export type TimelineActor = { username: string } | { person: string } | null

/** Where an entry's detail lives on the dataset page (or on another version's page). */
export type TimelineLink =
  | { tab: 'history'; entry: number }
  | { tab: 'release'; event: number }
  /** Another version's page: the one this was made from, or the one that replaced it. */
  | { tab: 'versions'; dataset: string; version: number | null }

export interface TimelineEvent {
  key: string
  kind: TimelineKind
  timestamp: number
  title: string
  actor: TimelineActor
  /** The reason or the reviewer's notes, as written. */
  text: string | null
  link: TimelineLink | null
}

/** The dataset that replaced this one, as fetched from its own record. */
export interface NextVersion {
  id: string
  version: number
  created_timestamp: number
  owner_username: string
  reason: string | null
}

// The data store's own reasons (contract §6): recognised so they read as what happened, not as edits.
const REVERT = /^Reverting dataset to history id (\d+)\. Reason: ([\s\S]*?)\.?$/
const NEW_VERSION = /^New version of existing item \(id=(.+)\)\.$/
const INITIAL = 'Initial record creation'

const RELEASE_TITLES = { REQUEST: 'Release requested', APPROVE: 'Release approved', REJECT: 'Release rejected' } as const

function historyEvents(item: ItemDataset): TimelineEvent[] {
  // Oldest first by id (the wire prepends), so equal timestamps keep the order the entries were written in.
  return [...item.history].sort((a, b) => a.id - b.id).map((entry) => {
    const base = { key: `history-${entry.id}`, timestamp: entry.timestamp, actor: { username: entry.username }, link: { tab: 'history', entry: entry.id } as const }
    const revert = REVERT.exec(entry.reason)
    if (revert) return { ...base, kind: 'revert', title: `Reverted to entry ${revert[1]}`, text: revert[2] || null }
    const version = NEW_VERSION.exec(entry.reason)
    if (version) {
      const info = item.versioning_info
      return { ...base, kind: 'version', title: `Created as version ${info?.version ?? '?'} from ${version[1]}`, text: info?.reason ?? null, link: { tab: 'versions', dataset: version[1], version: info?.version ? info.version - 1 : null } }
    }
    if (entry.reason === INITIAL) return { ...base, kind: 'metadata', title: 'Registered', text: null }
    return { ...base, kind: 'metadata', title: `Metadata edited (entry ${entry.id})`, text: entry.reason }
  })
}

function lockEvents(locks: LockEvent[]): TimelineEvent[] {
  return locks.map((event, index) => ({
    key: `lock-${index}`,
    kind: 'lock',
    timestamp: event.timestamp,
    title: event.action_type === 'LOCK' ? 'Locked' : 'Unlocked',
    actor: { username: event.username },
    text: event.reason || null,
    link: null,
  }))
}

function releaseEvents(item: ItemDataset): TimelineEvent[] {
  return item.release_history.map((entry, index) => ({
    key: `release-${index}`,
    kind: 'release',
    timestamp: entry.timestamp,
    title: entry.action === 'REQUEST' ? RELEASE_TITLES.REQUEST : RELEASE_TITLES[entry.action],
    // A request is the requester's act; a decision is the reviewer's.
    actor: entry.action === 'REQUEST' ? (entry.requester ? { person: entry.requester } : null) : { person: entry.approver },
    text: entry.notes || null,
    link: { tab: 'release', event: index },
  }))
}

/**
 * One stream of everything that happened to a dataset, newest first. Timestamps are whole seconds, so
 * several steps often share one; within a source the wire's own order decides, and across sources a
 * step that caused another comes after it (a version replaces the metadata it was made from).
 */
export function buildTimeline(item: ItemDataset, locks: LockEvent[], next: NextVersion | null): TimelineEvent[] {
  const sources = [historyEvents(item), lockEvents(locks), releaseEvents(item)]
  if (next) {
    sources.push([{
      key: `next-${next.id}`,
      kind: 'version',
      timestamp: next.created_timestamp,
      title: `Version ${next.version} created as ${next.id}`,
      actor: { username: next.owner_username },
      text: next.reason,
      link: { tab: 'versions', dataset: next.id, version: next.version },
    }])
  }
  const ranked = sources.flatMap((events, source) => events.map((event, index) => ({ event, rank: source * 1_000_000 + index })))
  ranked.sort((a, b) => b.event.timestamp - a.event.timestamp || b.rank - a.rank)
  return ranked.map(({ event }) => event)
}
