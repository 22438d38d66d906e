import Taro from '@tarojs/taro'

import type { Platform } from './types'

export const platform: Platform = {
  loginMode: 'demo',

  getLoginCode() {
    return Promise.reject(new Error('WeChat login is only available in the mini program'))
  },

  async makePhoneCall(phoneNumber) {
    // Browsers without a dialer cannot open tel: links, so show the number and dial only on confirm.
    const { confirm } = await Taro.showModal({
      title: '拨打电话',
      content: phoneNumber,
      confirmText: '拨打',
      cancelText: '取消',
    })
    if (confirm) window.location.href = `tel:${phoneNumber}`
  },

  // Browsers have no map picker of WeChat's kind: the page hides the button.
  chooseLocation: null,
  openLocation: null,

  // Subscribe messages exist only in WeChat; the in-app notification list always works.
  requestSubscribe: () => Promise.resolve(),

  async chooseImages(count) {
    try {
      const res = await Taro.chooseImage({ count, sizeType: ['compressed'], sourceType: ['album', 'camera'] })
      return res.tempFiles.map((f) => ({ path: f.path, size: f.size, source: f.originalFileObj }))
    } catch {
      return [] // cancelled
    }
  },

  async uploadFile({ url, image, field, header }) {
    // Taro.uploadFile would re-read the blob: URL with a request, which the service's
    // Content-Security-Policy (connect-src 'self') refuses; the File itself needs no request.
    if (typeof Blob !== 'undefined' && image.source instanceof Blob) {
      const form = new FormData()
      const name = image.source instanceof File ? image.source.name : 'photo'
      form.append(field, image.source, name)
      const res = await fetch(url, { method: 'POST', headers: header, body: form })
      return { statusCode: res.status, data: await res.text() }
    }
    const res = await Taro.uploadFile({ url, filePath: image.path, name: field, header, timeout: 60000 })
    return { statusCode: res.statusCode, data: res.data }
  },

  async downloadFile(url, header) {
    const res = await fetch(url, { headers: header })
    if (!res.ok) {
      const body: unknown = await res.json().catch(() => undefined)
      return { statusCode: res.status, body }
    }
    return { statusCode: res.status, path: URL.createObjectURL(await res.blob()) }
  },

  // A browser cannot open a WeChat mini program: the page shows the steps and the link instead.
  openMiniProgram: () => Promise.resolve(false),

  async copyText(text) {
    try {
      await navigator.clipboard.writeText(text)
      void Taro.showToast({ title: '已复制', icon: 'success' })
    } catch {
      await Taro.showModal({ title: '请长按复制', content: text, showCancel: false })
    }
  },

  socketUrl(path) {
    return `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}${path}`
  },

  openSocket(url, handlers) {
    const ws = new WebSocket(url)
    let closed = false
    const closeOnce = (code: number) => {
      if (closed) return
      closed = true
      handlers.onClose(code)
    }
    ws.onopen = () => handlers.onOpen()
    ws.onmessage = (e: MessageEvent) => handlers.onMessage(String(e.data))
    ws.onclose = (e: CloseEvent) => closeOnce(e.code)
    ws.onerror = () => closeOnce(1006)
    return {
      send: (data) => ws.readyState === WebSocket.OPEN && ws.send(data),
      close: () => ws.close(),
    }
  },

  onNetworkRestored(listener) {
    // Taro's h5 onNetworkStatusChange only follows navigator.connection, which does not report
    // going on- or offline; the window events do.
    window.addEventListener('online', listener)
    return () => window.removeEventListener('online', listener)
  },
}
