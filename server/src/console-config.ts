/** The `/config.json` the built console reads at start-up, pointing every service at this stack. */
export interface ConsoleConfig {
  dataStoreApi: string
  registryApi: string
  authApi: string
  searchApi: string
  oidc: { authority: string; clientId: string }
}

export const CONSOLE_CLIENT_ID = 'datastore-console'

export function consoleConfigFor(origin: string): ConsoleConfig {
  return {
    dataStoreApi: `${origin}/data-store`,
    registryApi: `${origin}/registry`,
    authApi: `${origin}/auth-api`,
    searchApi: `${origin}/search-api`,
    oidc: { authority: `${origin}/auth/realms/provena`, clientId: CONSOLE_CLIENT_ID },
  }
}
