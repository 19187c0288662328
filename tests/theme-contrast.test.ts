import { describe, expect, it } from 'vitest'
import { createConsoleVuetify } from '@/plugins/vuetify'
import { TONAL_COLOURS } from '@/plugins/themes'
import { RELEASE_STATUS_LOOK } from '@/release'
import { contrast, over, parseColour } from './contrast'

const ALERT_TYPES = ['success', 'info', 'warning', 'error'] as const
// Computed themes carry the on-colours Vuetify derives, as the page gets them.
const themes = createConsoleVuetify('light').theme.computedThemes.value

/** Chips and alerts draw tonal: text in the colour itself, over a tint of it at the theme's activated opacity. */
function tonalContrast(themeName: 'light' | 'dark', colour: string, ground: 'background' | 'surface') {
  const theme = themes[themeName]
  const text = parseColour(theme.colors[colour]!).rgb
  const base = parseColour(theme.colors[ground]!).rgb
  const tint = Number(theme.variables['activated-opacity'])
  return contrast(text, over(text, tint, base))
}

describe.each(['light', 'dark'] as const)('the %s theme', (themeName) => {
  it.each(Object.entries(RELEASE_STATUS_LOOK))('keeps the %s status chip at 4.5:1 or more', (_status, look) => {
    for (const ground of ['background', 'surface'] as const) {
      expect(tonalContrast(themeName, look.color, ground)).toBeGreaterThanOrEqual(4.5)
    }
  })

  it.each(ALERT_TYPES)('keeps the %s alert at 4.5:1 or more', (type) => {
    for (const ground of ['background', 'surface'] as const) {
      expect(tonalContrast(themeName, type, ground)).toBeGreaterThanOrEqual(4.5)
    }
  })

  it.each(TONAL_COLOURS)('keeps %s text at 4.5:1 or more on a tonal tint', (colour) => {
    expect(tonalContrast(themeName, colour, 'surface')).toBeGreaterThanOrEqual(4.5)
  })

  it('draws the app bar deep enough for its text', () => {
    const theme = themes[themeName]
    const bar = parseColour(theme.colors['app-bar']!).rgb
    expect(contrast(parseColour(theme.colors['on-app-bar']!).rgb, bar)).toBeGreaterThanOrEqual(7)
    // A pale bar on the dark theme's near-black page was the defect: the bar stays darker than mid-grey.
    if (themeName === 'dark') expect(contrast(bar, [0, 0, 0])).toBeLessThan(3)
  })
})
