import type { ThemeDefinition } from 'vuetify'

/**
 * The console's two themes. Vuetify's stock status colours (#FB8C00, #2196F3, #4CAF50) fall to about
 * 2.2:1 as text on their own tonal tint, which is how chips and alerts draw them; each colour here keeps
 * text at 4.5:1 or more on its 12 % tint over both the page background and a card surface
 * (tests/theme-contrast.test.ts computes it).
 */
export const CONSOLE_THEMES: Record<'light' | 'dark', ThemeDefinition> = {
  light: {
    dark: false,
    colors: {
      primary: '#00548a',
      secondary: '#4a5a6a',
      success: '#1b6e2f',
      warning: '#8a4a00',
      error: '#b3261e',
      info: '#0b57a4',
      // The app bar keeps the brand blue in light and a deep one in dark, never a pale band on black.
      'app-bar': '#00548a',
    },
    // Field labels are drawn at medium emphasis on top of high emphasis; 0.7 keeps them above 4.5:1.
    variables: { 'medium-emphasis-opacity': 0.7 },
  },
  dark: {
    dark: true,
    colors: {
      primary: '#8ccaf5',
      secondary: '#b8c7d6',
      success: '#8fd89d',
      warning: '#ffb95c',
      error: '#ffb4ab',
      info: '#9ccbff',
      'app-bar': '#0f2c44',
    },
  },
}

/** Every colour a status chip or a tonal alert may take; the contrast test walks this list. */
export const TONAL_COLOURS = ['primary', 'secondary', 'success', 'warning', 'error', 'info'] as const
