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
    expect(releaseState(item('PENDING', [request(10)]))).toEqual({ phrase: 'Awaiting review by', reviewer: 'p-rev', at: 10 })
    expect(releaseState(item('RELEASED', [request(10), answer('APPROVE', 20)]))).toEqual({ phrase: 'Approved by', reviewer: 'p-rev', at: 20 })
    // Provena's status after a rejection is plain NOT_RELEASED; the history tells it apart.
    expect(releaseState(item('NOT_RELEASED', [request(10), answer('REJECT', 20)]))).toEqual({ phrase: 'Last request rejected by', reviewer: 'p-rev', at: 20 })
    expect(releaseState(item('PENDING', [request(10), answer('REJECT', 20), request(30)]))?.phrase).toBe('Awaiting review by')
  })

  it('finds the latest request, for who asked', () => {
    expect(latestRequest(item('PENDING', [request(10, 'p-a'), answer('REJECT', 20), request(30, 'p-b')]))?.requester).toBe('p-b')
    expect(latestRequest(item('NOT_RELEASED', []))).toBeNull()
  })
})
