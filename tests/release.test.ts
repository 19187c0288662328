import { describe, expect, it } from 'vitest'
import type { DatasetDomainInfo, ReleaseHistoryEntry } from '@/api/models/registry'
import { latestRequest, releaseState } from '@/release'
import { releaseEntry } from './builders'

const request = (at: number, requester = 'p-owner') => releaseEntry('REQUEST', at, 'p-rev', requester)
const answer = (action: 'APPROVE' | 'REJECT', at: number) => releaseEntry(action, at)
type Release = Pick<DatasetDomainInfo, 'release_history' | 'release_status' | 'release_approver' | 'release_timestamp'>
const item = (release_status: Release['release_status'], release_history: ReleaseHistoryEntry[]): Release => ({
  release_status,
  release_history,
  release_approver: release_history.length ? 'p-rev' : null,
  release_timestamp: release_history.at(-1)?.timestamp ?? null,
})

describe('releaseState', () => {
  it('words each state with the reviewer and the time of the latest step', () => {
    expect(releaseState(item('NOT_RELEASED', []))).toBeNull()
    expect(releaseState(item('PENDING', [request(10)]))).toEqual({ lead: 'Awaiting review by', reviewer: 'p-rev', when: 'since', at: 10, notes: null })
    expect(releaseState(item('RELEASED', [request(10), answer('APPROVE', 20)]))).toEqual({ lead: 'Released — approved by', reviewer: 'p-rev', when: 'on', at: 20, notes: null })
    // Provena's status after a rejection is plain NOT_RELEASED; the history tells it apart, with the notes.
    const rejected = releaseEntry('REJECT', 20, 'p-rev', null, 'Add a citation')
    expect(releaseState(item('NOT_RELEASED', [request(10), rejected]))).toEqual({ lead: 'Not released — last request rejected by', reviewer: 'p-rev', when: 'on', at: 20, notes: 'Add a citation' })
    expect(releaseState(item('PENDING', [request(10), answer('REJECT', 20), request(30)]))?.lead).toBe('Awaiting review by')
  })

  it('finds the latest request, for who asked', () => {
    expect(latestRequest(item('PENDING', [request(10, 'p-a'), answer('REJECT', 20), request(30, 'p-b')]))?.requester).toBe('p-b')
    expect(latestRequest(item('NOT_RELEASED', []))).toBeNull()
  })
})
