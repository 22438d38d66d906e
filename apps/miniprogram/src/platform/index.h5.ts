import Taro from '@tarojs/taro'

import { IMAGE_SIGNATURE_BYTES } from '@jws/contracts'

import { kindOfPickedFile, NOTHING_DROPPED, selectPhotos } from '../lib/photo-choice'
import type { Platform } from './types'

/** Formats the service takes: the browser's chooser offers these first (a person can still pick any file). */
const PHOTO_ACCEPT = 'image/jpeg,image/png,image/webp'

/** Resolves the pick still waiting when a new one starts (its chooser was closed without an event). */
let pendingPick: ((files: File[]) => void) | null = null

/**
 * Opens the browser's file chooser. Taro's h5 chooseImage is not used: it loads every file as an
 * image and drops one that fails without a word (a PDF), and it ignores `count`.
 */
function pickFiles(multiple: boolean): Promise<File[]> {
  pendingPick?.([])
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.setAttribute('aria-label', '选择照片')
    input.accept = PHOTO_ACCEPT
    input.multiple = multiple
    input.style.cssText = 'position: fixed; top: -4000px; left: -3000px; opacity: 0;'
    const done = (files: File[]) => {
      if (pendingPick !== done) return
      pendingPick = null
      input.remove()
      resolve(files)
    }
    pendingPick = done
    input.addEventListener('change', () => done(Array.from(input.files ?? [])))
    input.addEventListener('cancel', () => done([]))
    document.body.appendChild(input)
    input.click()
  })
}

async function fileHead(file: File): Promise<Uint8Array> {
  try {
    return new Uint8Array(await file.slice(0, IMAGE_SIGNATURE_BYTES).arrayBuffer())
  } catch {
    return new Uint8Array(0) // unreadable (moved or deleted since picking): not an image we can send
  }
}

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

  async choosePhotos(options) {
    if (options.count <= 0) return { images: [], dropped: { ...NOTHING_DROPPED } }
    // Without `capture` phones offer both the camera and the album.
    const files = await pickFiles(options.count > 1)
    const picked = await Promise.all(
      files.map(async (file) => ({ file, size: file.size, kind: kindOfPickedFile(await fileHead(file)) })),
    )
    const { accepted, dropped } = selectPhotos(picked, options)
    // The File itself is uploaded (see uploadFile); the blob: URL only shows it.
    const images = accepted.map((file) => ({ path: URL.createObjectURL(file), size: file.size, source: file }))
    return { images, dropped }
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

  async openDocument(path, filename) {
    // The download is a blob: URL; a link with `download` saves it under its name.
    const link = document.createElement('a')
    link.href = path
    link.download = filename
    document.body.appendChild(link)
    link.click()
    link.remove()
  },

  // A browser cannot open a WeChat mini program: the page shows the steps and the link instead.
  openMiniProgram: () => Promise.resolve(false),

  decorateChrome() {
    // Taro's router draws the title bar's back and home buttons as bare <div>s with an icon, and
    // each page as a container that scrolls by itself: give the buttons a role, a name and the
    // keyboard, and the page containers keyboard focus so the keyboard can scroll them.
    const decorate = () => {
      for (const [selector, label] of [['.taro-navigation-bar-back', '返回'], ['.taro-navigation-bar-home', '首页']] as const) {
        const button = document.querySelector<HTMLElement>(selector)
        if (!button || button.getAttribute('role') === 'button') continue
        button.setAttribute('role', 'button')
        button.setAttribute('aria-label', label)
        button.tabIndex = 0
        button.addEventListener('keydown', (e) => {
          if (e.key === 'Enter' || e.key === ' ') button.click()
        })
      }
      document.querySelectorAll<HTMLElement>('.taro_page:not([tabindex])').forEach((page) => {
        page.tabIndex = 0
      })
      // Views that act as radios or buttons (chips, rows that open something) take the keyboard
      // too, and so does a scrolling part of a page (a scroll-view, a row of chips that scrolls sideways).
      document.querySelectorAll<HTMLElement>('[role="radio"]:not([tabindex]), [role="button"]:not([tabindex])').forEach((el) => {
        el.tabIndex = 0
        el.addEventListener('keydown', (e) => {
          if (e.target === el && (e.key === 'Enter' || e.key === ' ')) {
            e.preventDefault()
            el.click()
          }
        })
      })
      document.querySelectorAll<HTMLElement>('.taro-scroll-view__scroll-y:not([tabindex]), .chips--scroll:not([tabindex])').forEach((region) => {
        region.tabIndex = 0
      })
    }
    decorate()
    new MutationObserver(decorate).observe(document.body, { childList: true, subtree: true })
  },

  scrollToEnd(elementId) {
    // After the render that added content has been laid out.
    setTimeout(() => {
      const pane = document.getElementById(elementId)
      if (pane) pane.scrollTop = pane.scrollHeight
    }, 0)
    return true
  },

  pageLink(page) {
    return `${window.location.origin}/${page.replace(/^\/+/, '')}`
  },

  currentAddress() {
    return `${window.location.pathname}${window.location.search}`
  },

  replaceAddress(url) {
    // Keep the router's own history state: only the address changes, no navigation happens.
    window.history.replaceState(window.history.state, '', url)
  },

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
