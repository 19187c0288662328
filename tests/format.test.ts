import { describe, expect, it } from 'vitest'
import { formatCalendarDate } from '@/format'

describe('formatCalendarDate', () => {
  it('shows the stored calendar day, whatever the time zone', () => {
    const shown = formatCalendarDate('2021-12-25')
    expect(shown).toContain('25')
    expect(shown).toContain('2021')
    expect(formatCalendarDate('2021-01-01')).toContain('2021')
  })

  it('shows anything that is not a real day as stored', () => {
    expect(formatCalendarDate('2021-02-30')).toBe('2021-02-30')
    expect(formatCalendarDate('25/12/2021')).toBe('25/12/2021')
    expect(formatCalendarDate('')).toBe('')
    expect(formatCalendarDate(null)).toBe('')
  })
})
