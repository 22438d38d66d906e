import Taro from '@tarojs/taro'
import { ErrorCode } from '@jws/contracts'

import { bulletinsApi } from '../api/bulletins'
import { isApiError } from '../api/errors'
import { loginWithWechat } from '../session/auth'

/**
 * Share cards of bulletins (docs/bulletins.md). In WeChat a card shared into a group carries a
 * share ticket (the page turns on withShareTicket); a member who opens it there sends
 * getShareInfo's encrypted data, which only the service can read (with the session_key it keeps)
 * to learn the group's openGId. Nothing here happens in the browser build.
 */

/** The share ticket when the mini program was entered from a card in a WeChat group; null elsewhere. */
function shareTicket(): string | null {
  if (process.env.TARO_ENV !== 'weapp') return null
  const options = typeof Taro.getEnterOptionsSync === 'function' ? Taro.getEnterOptionsSync() : Taro.getLaunchOptionsSync()
  return options.shareTicket ?? null
}

/**
 * Counts this open of a group card for the bulletin (once per person and WeChat group). When the
 * service's session_key is older than the client's, signs in again and retries once. Never throws:
 * reading the bulletin does not depend on it.
 */
export async function countGroupCardOpen(bulletinId: number, shareId: number | undefined): Promise<void> {
  const ticket = shareTicket()
  if (!ticket) return
  const send = async () => {
    const { encryptedData, iv } = await Taro.getShareInfo({ shareTicket: ticket })
    return bulletinsApi.open(bulletinId, { encryptedData, iv, ...(shareId ? { shareId } : {}) })
  }
  try {
    await send()
  } catch (err) {
    if (!isApiError(err) || err.code !== ErrorCode.WechatSessionStale) return
    await loginWithWechat().then(send).catch(() => undefined)
  }
}

/** What onShareAppMessage answers: the card's title and path, the path carrying a share id the service records first (WeChat waits up to 3 s). */
export function shareCard(bulletinId: number, title: string, page: string): { title: string; path: string; promise: Promise<{ title: string; path: string }> } {
  const fallback = { title, path: `${page}?id=${bulletinId}` }
  return { ...fallback, promise: bulletinsApi.share(bulletinId).then((s) => ({ title, path: `/${s.path}` })).catch(() => fallback) }
}
