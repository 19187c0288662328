import { errors, Provider, type DeviceCode } from 'oidc-provider'

/**
 * Keycloak's device-flow polling interval. provenaclient sleeps for the announced interval after each
 * authorization_pending and crashes when there is none, so the response must carry it.
 */
export const DEVICE_POLL_INTERVAL_SECONDS = 5

type FindOptions = { ignoreExpiration?: boolean | undefined }
type FindDeviceCode = (jti: string, options?: FindOptions) => Promise<DeviceCode | undefined>

/**
 * When each device code was last let through, in memory: the timing only matters for the seconds between two
 * polls, so a restart forgetting it costs at most one unthrottled poll, and keeping it out of the adapter spares
 * the database (PGlite has one connection) a write on every poll. Map order is refresh order, so the stale
 * entries are always at the front.
 */
export class PollClock {
  private readonly lastPoll = new Map<string, number>()

  constructor(
    private readonly intervalMs: number,
    private readonly forgetAfterMs: number,
  ) {}

  /** Like Keycloak, only a poll let through starts a new interval: waiting it out after slow_down always works. */
  admit(deviceCode: string, now: number): boolean {
    const last = this.lastPoll.get(deviceCode)
    if (last !== undefined && now - last < this.intervalMs) return false
    this.lastPoll.delete(deviceCode)
    this.lastPoll.set(deviceCode, now)
    for (const [code, at] of this.lastPoll) {
      if (now - at < this.forgetAfterMs) break
      this.lastPoll.delete(code)
    }
    return true
  }

  /** How many device codes it remembers: only those polled within the device-code lifetime. */
  get size(): number {
    return this.lastPoll.size
  }
}

/**
 * RFC 8628 §3.2 and §3.5 as Keycloak does them: the device authorization response announces `interval`, and a
 * device code polled again sooner than that is answered with slow_down. oidc-provider defines SlowDown but never
 * raises it, and has no hook between finding a device code and consuming it, so the token endpoint's look-up of
 * the code is wrapped: the refusal comes after the code is known to exist for this client (unknown codes still
 * get invalid_grant) and before the grant could issue tokens.
 */
export function enforceDevicePolling(provider: Provider, intervalSeconds: number, deviceCodeTtlSeconds: number): void {
  // RFC 8628 counts the interval in whole seconds; clients would round anything else their own way.
  if (!Number.isInteger(intervalSeconds) || intervalSeconds < 1) {
    throw new RangeError(`The device poll interval must be a whole number of seconds, at least 1, not ${intervalSeconds}.`)
  }
  provider.use(async (ctx, next) => {
    await next()
    // ctx.oidc exists only on the provider's own routes.
    const body: unknown = ctx.body
    if (ctx.oidc?.route === 'device_authorization' && ctx.status === 200 && typeof body === 'object' && body !== null) {
      ctx.body = { ...body, interval: intervalSeconds }
    }
  })

  const clock = new PollClock(intervalSeconds * 1000, deviceCodeTtlSeconds * 1000)
  const DeviceCodeModel = provider.DeviceCode
  const find = DeviceCodeModel.find.bind(DeviceCodeModel) as FindDeviceCode
  const throttledFind: FindDeviceCode = async (jti, options) => {
    const code = await find(jti, options)
    const ctx = Provider.ctx
    const polled = ctx?.oidc.route === 'token' && code !== undefined && code.clientId === ctx.oidc.client?.clientId
    if (polled && !clock.admit(jti, Date.now())) throw new errors.SlowDown()
    return code
  }
  DeviceCodeModel.find = throttledFind as typeof DeviceCodeModel.find
}
