/** The one status every async store action has. */
export type AsyncStatus = 'idle' | 'loading' | 'success' | 'error'
