import type { Mock } from 'vitest'

/** Resets API fakes so that any call a test did not arrange fails loudly instead of returning undefined. */
export function resetStrictFakes(fakes: Record<string, Mock>) {
  for (const [name, fake] of Object.entries(fakes)) {
    fake.mockReset()
    fake.mockImplementation(() => {
      throw new Error(`unexpected call of ${name}`)
    })
  }
}
