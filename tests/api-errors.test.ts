import { describe, expect, it } from 'vitest'
import { AxiosError, AxiosHeaders, CanceledError, type AxiosResponse } from 'axios'
import { ApiError, isCancelled, softFailure, toApiError } from '@/api/errors'

function httpError(status: number, data: unknown): AxiosError {
  const config = { headers: new AxiosHeaders() }
  const response = { status, statusText: '', data, headers: {}, config } as AxiosResponse
  return new AxiosError(`Request failed with status code ${status}`, 'ERR_BAD_RESPONSE', config, {}, response)
}

describe('toApiError', () => {
  it.each([
    [400, 'bad-request'],
    [401, 'unauthenticated'],
    [403, 'forbidden'],
    [404, 'not-found'],
    [409, 'conflict'],
    [422, 'validation'],
    [418, 'bad-request'],
    [500, 'server'],
    [503, 'server'],
  ] as const)('maps HTTP %i to %s', (status, kind) => {
    const error = toApiError(httpError(status, { detail: 'x' }))
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ kind, status, detail: 'x' })
  })

  it("keeps FastAPI's detail string", () => {
    const error = toApiError(httpError(400, { detail: 'Empty string received for query handle_id' }))
    expect(error.detail).toBe('Empty string received for query handle_id')
  })

  it('turns a 422 detail list into field errors without the body/query prefix', () => {
    const error = toApiError(
      httpError(422, {
        detail: [
          { loc: ['body', 'dataset_info', 'custom_field'], msg: 'extra fields not permitted', type: 'value_error.extra' },
          { loc: ['query', 'handle_id'], msg: 'field required', type: 'value_error.missing' },
          { loc: ['body'], msg: 'field required', type: 'value_error.missing' },
        ],
      }),
    )
    expect(error.kind).toBe('validation')
    expect(error.fieldErrors).toEqual([
      { path: 'dataset_info.custom_field', message: 'extra fields not permitted', type: 'value_error.extra' },
      { path: 'handle_id', message: 'field required', type: 'value_error.missing' },
      { path: '', message: 'field required', type: 'value_error.missing' },
    ])
    expect(error.detail).toBe('dataset_info.custom_field: extra fields not permitted; handle_id: field required; field required')
  })

  it("describes a plain-text 500 and an empty detail", () => {
    expect(toApiError(httpError(500, 'Internal Server Error')).detail).toBe('Internal Server Error')
    expect(toApiError(httpError(500, { detail: '' })).detail).toBe('The server answered 500.')
  })

  it('tells network failures from timeouts', () => {
    expect(toApiError(new AxiosError('Network Error', 'ERR_NETWORK'))).toMatchObject({ kind: 'network', status: null })
    expect(toApiError(new AxiosError('timeout of 30000ms exceeded', 'ECONNABORTED'))).toMatchObject({ kind: 'timeout', status: null })
  })

  it('passes an ApiError through and wraps anything else', () => {
    const soft = softFailure('Failed field value validation. Error: dates')
    expect(toApiError(soft)).toBe(soft)
    expect(soft).toMatchObject({ kind: 'soft-failure', status: 200 })
    expect(toApiError(new Error('boom'))).toMatchObject({ kind: 'network', detail: 'boom' })
  })

  it('recognises cancellation, which is not a failure to show', () => {
    expect(isCancelled(new CanceledError())).toBe(true)
    expect(isCancelled(new DOMException('aborted', 'AbortError'))).toBe(true)
    expect(isCancelled(httpError(500, {}))).toBe(false)
  })
})
