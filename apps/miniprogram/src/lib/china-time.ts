/**
 * Dates and times of the stations' schedules are China time (UTC+8, no daylight saving), whatever
 * zone the phone or browser is set to: a slot picked as 10:00 is 10:00 in 蚌埠, and shown so.
 */
const CHINA_OFFSET_MS = 8 * 3600_000

const pad = (n: number) => String(n).padStart(2, '0')

/** The instant as a Date whose UTC fields read China time. */
const inChina = (ms: number) => new Date(ms + CHINA_OFFSET_MS)

/** 2026-12-04 (China date of the instant; `now` by default). */
export function chinaDate(at: string | number = Date.now()): string {
  const d = inChina(typeof at === 'number' ? at : Date.parse(at))
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
}

/** 10:00 (China time of the instant). */
export function chinaClock(at: string): string {
  const d = inChina(Date.parse(at))
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
}

/** 2026-12-04 10:00–11:00: one slot, both ends in China time (the end's date only if it differs). */
export function chinaTimeRange(startsAt: string, endsAt: string): string {
  const endDate = chinaDate(endsAt)
  const end = endDate === chinaDate(startsAt) ? chinaClock(endsAt) : `${endDate} ${chinaClock(endsAt)}`
  return `${chinaDate(startsAt)} ${chinaClock(startsAt)}–${end}`
}

/** `2026-12-04` + `10:00` read as China time → ISO instant (UTC), or null if either is malformed. */
export function chinaIso(date: string, clock: string): string | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  const t = /^(\d{1,2}):(\d{2})$/.exec(clock)
  if (!d || !t) return null
  const ms = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2])) - CHINA_OFFSET_MS
  return Number.isNaN(ms) ? null : new Date(ms).toISOString()
}

/** 10:00 → 11:00 (same day; 23:xx stays 23:59 so the default never wraps to the next day). */
export function clockPlusHour(clock: string): string {
  const [h, m] = clock.split(':').map(Number)
  return h >= 23 ? '23:59' : `${pad(h + 1)}:${pad(m)}`
}
