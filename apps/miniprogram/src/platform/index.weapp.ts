import Taro from '@tarojs/taro'

import { NOTHING_DROPPED, selectPhotos } from '../lib/photo-choice'
import type { Platform } from './types'

export const platform: Platform = {
  loginMode: 'wechat',

  async getLoginCode() {
    const { code } = await Taro.login()
    if (!code) throw new Error('wx.login returned no code')
    return code
  },

  async makePhoneCall(phoneNumber) {
    try {
      await Taro.makePhoneCall({ phoneNumber })
    } catch {
      // The person cancelled the dial sheet: nothing to do.
    }
  },

  // Needs requiredPrivateInfos: ['chooseLocation'] and permission['scope.userLocation'] in app.config.ts.
  async chooseLocation() {
    try {
      const res = await Taro.chooseLocation({})
      return { latitude: res.latitude, longitude: res.longitude, name: res.name ?? '', address: res.address ?? '' }
    } catch {
      // Cancelled, or location permission refused.
      return null
    }
  },

  async openLocation(latitude, longitude, name) {
    try {
      await Taro.openLocation({ latitude, longitude, name, scale: 17 })
    } catch {
      // Closed or refused: nothing to do.
    }
  },

  async requestSubscribe(templateIds) {
    // WeChat takes at most 3 templates per call and only from a tap.
    const tmplIds = templateIds.slice(0, 3)
    if (tmplIds.length === 0) return
    try {
      // Taro types ask for entityIds too (Alipay only); WeChat takes tmplIds alone.
      await Taro.requestSubscribeMessage({ tmplIds: [...tmplIds] } as Taro.requestSubscribeMessage.Option)
    } catch {
      // Refused or not supported: the in-app notification list still works.
    }
  },

  async choosePhotos(options) {
    try {
      // WeChat offers only images and at most `count` of them; only the size is left to check.
      const res = await Taro.chooseImage({ count: options.count, sizeType: ['compressed'], sourceType: ['album', 'camera'] })
      const picked = res.tempFiles.map((f) => ({ file: { path: f.path, size: f.size }, size: f.size, kind: 'image' as const }))
      const { accepted, dropped } = selectPhotos(picked, options)
      return { images: accepted, dropped }
    } catch {
      return { images: [], dropped: { ...NOTHING_DROPPED } } // cancelled
    }
  },

  async uploadFile({ url, image, field, header }) {
    const res = await Taro.uploadFile({ url, filePath: image.path, name: field, header, timeout: 60000 })
    return { statusCode: res.statusCode, data: res.data }
  },

  async downloadFile(url, header) {
    const res = await Taro.downloadFile({ url, header })
    if (res.statusCode >= 200 && res.statusCode < 300) return { statusCode: res.statusCode, path: res.tempFilePath }
    return { statusCode: res.statusCode }
  },

  async openDocument(path) {
    await Taro.openDocument({ filePath: path, fileType: 'xlsx', showMenu: true })
  },

  async openMiniProgram(appId, path) {
    try {
      await Taro.navigateToMiniProgram({ appId, path, envVersion: 'release' })
      return true
    } catch {
      // Cancelled by the person, or the mini program could not be opened.
      return false
    }
  },

  decorateChrome() {
    // WeChat draws its own navigation bar and scrolls pages itself.
  },

  currentAddress() {
    const pages = Taro.getCurrentPages()
    const page = pages[pages.length - 1] as { route?: string; options?: Record<string, string | undefined> } | undefined
    if (!page?.route) return ''
    const query = Object.entries(page.options ?? {})
      .filter((entry): entry is [string, string] => entry[1] !== undefined)
      .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
      .join('&')
    return `/${page.route}${query ? `?${query}` : ''}`
  },

  replaceAddress() {
    // No address bar in the mini program.
  },

  scrollToEnd() {
    return false
  },

  pageLink() {
    return null
  },

  async copyText(text) {
    await Taro.setClipboardData({ data: text })
  },

  onNetworkRestored(listener) {
    const onChange = (res: { isConnected: boolean }) => {
      if (res.isConnected) listener()
    }
    Taro.onNetworkStatusChange(onChange)
    return () => Taro.offNetworkStatusChange(onChange)
  },

  socketUrl(path) {
    return `${API_BASE_URL.replace(/^http/, 'ws')}${path}`
  },

  openSocket(url, handlers) {
    let task: Taro.SocketTask | null = null
    let wanted = true
    let closed = false
    const closeOnce = (code: number) => {
      if (closed) return
      closed = true
      handlers.onClose(code)
    }
    // wx allows 5 sockets per mini program; the room client keeps exactly one open.
    Taro.connectSocket({ url })
      .then((t) => {
        task = t
        if (!wanted) return void t.close({})
        t.onOpen(() => handlers.onOpen())
        t.onMessage((m) => handlers.onMessage(typeof m.data === 'string' ? m.data : ''))
        t.onClose((r) => closeOnce(r.code))
        t.onError(() => closeOnce(1006))
      })
      .catch(() => closeOnce(1006))
    return {
      send: (data) => void task?.send({ data }),
      close: () => {
        wanted = false
        task?.close({})
      },
    }
  },
}
