import 'vuetify/styles'
import { createVuetify } from 'vuetify'
import { aliases, mdi } from 'vuetify/iconsets/mdi-svg'
import type { ThemeChoice } from '@/composables/useThemePreference'

/** The console's one Vuetify instance: theme, SVG icons and component defaults are set here only. */
export function createConsoleVuetify(defaultTheme: ThemeChoice) {
  return createVuetify({
    theme: {
      defaultTheme,
      themes: {
        // Field labels are drawn at medium emphasis on top of high emphasis; 0.7 keeps them above 4.5:1.
        light: {
          colors: { primary: '#00548a', secondary: '#4a5a6a', error: '#b3261e', success: '#1b6e2f' },
          variables: { 'medium-emphasis-opacity': 0.7 },
        },
        dark: { colors: { primary: '#8ccaf5', secondary: '#b8c7d6', error: '#ffb4ab', success: '#8fd89d' } },
      },
    },
    icons: { defaultSet: 'mdi', aliases, sets: { mdi } },
    defaults: {
      VAlert: { variant: 'tonal' },
      VBtn: { rounded: 'lg' },
      VChip: { variant: 'tonal' },
      VTextField: { variant: 'outlined', density: 'comfortable' },
      VTextarea: { variant: 'outlined', density: 'comfortable' },
      VSelect: { variant: 'outlined', density: 'comfortable' },
      VAutocomplete: { variant: 'outlined', density: 'comfortable' },
      VCheckbox: { density: 'comfortable', color: 'primary' },
      VSwitch: { density: 'comfortable', color: 'primary', inset: true },
      VCard: { rounded: 'lg' },
    },
  })
}
