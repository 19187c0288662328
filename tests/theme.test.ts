import { describe, expect, it } from 'vitest'
import { storedThemeChoice, THEME_STORAGE_KEY } from '@/composables/useThemePreference'

function storage(value: string | null) {
  return { getItem: (key: string) => (key === THEME_STORAGE_KEY ? value : null) }
}

describe('storedThemeChoice', () => {
  it('returns a remembered choice', () => {
    expect(storedThemeChoice(storage('dark'))).toBe('dark')
    expect(storedThemeChoice(storage('light'))).toBe('light')
  })

  it('follows the system when nothing valid is stored or storage fails', () => {
    expect(storedThemeChoice(storage(null))).toBe('system')
    expect(storedThemeChoice(storage('purple'))).toBe('system')
    const failing = {
      getItem: () => {
        throw new Error('SecurityError')
      },
    }
    expect(storedThemeChoice(failing)).toBe('system')
  })
})
