import { download } from './client'

/**
 * Case photos are served only with the bearer token, so an <Image src> cannot load them
 * directly: weapp downloads them with the header (wx.downloadFile → temp file), h5 fetches them
 * into a blob: URL. Photos never change, so each URL is fetched once per app run.
 */
const cache = new Map<string, Promise<string>>()

export function loadPhoto(url: string): Promise<string> {
  let pending = cache.get(url)
  if (!pending) {
    pending = download(url)
    // A failure is not cached: the next attempt tries again.
    pending.catch(() => cache.delete(url))
    cache.set(url, pending)
  }
  return pending
}
