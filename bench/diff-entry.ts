// Browser code, so it is type-checked with the app (tsconfig.app.json). Built into one
// script for the benchmarked page: the console's own diff, reachable as window.__diff.
import { diffMetadata } from '@/metadata/diff'

;(window as unknown as { __diff: unknown }).__diff = { diffMetadata }
