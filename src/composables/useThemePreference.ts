import { ref } from 'vue'
import { useTheme } from 'vuetify'

export type ThemeChoice = 'system' | 'light' | 'dark'

export const THEME_STORAGE_KEY = 'datastore-console.theme'
const CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark']

/** The user's remembered choice; 'system' (follow the OS) when none was made or storage is unavailable. */
export function storedThemeChoice(storage: Pick<Storage, 'getItem'> = localStorage): ThemeChoice {
  try {
    const value = storage.getItem(THEME_STORAGE_KEY)
    return CHOICES.includes(value as ThemeChoice) ? (value as ThemeChoice) : 'system'
  } catch {
    return 'system'
  }
}

const choice = ref<ThemeChoice>('system')
let initialised = false

/** Light, dark or follow the OS; the choice survives reloads. */
export function useThemePreference() {
  const theme = useTheme()
  if (!initialised) {
    choice.value = storedThemeChoice()
    initialised = true
  }

  function setChoice(next: ThemeChoice) {
    choice.value = next
    theme.change(next)
    try {
      localStorage.setItem(THEME_STORAGE_KEY, next)
    } catch {
      // Private browsing can refuse storage; the choice still applies to this visit.
    }
  }

  return { choice, choices: CHOICES, setChoice }
}
