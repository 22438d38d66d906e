/** What differs between the WeChat mini program and the browser build. Pages use only this. */
export interface Platform {
  /** 'weapp' logs in silently with wx.login; 'demo' (h5) picks a demo account on the login page. */
  loginMode: 'wechat' | 'demo'
  /** A one-time WeChat login code for POST /api/auth/wechat (weapp only). */
  getLoginCode(): Promise<string>
  /** Dial a number (asks the person first). */
  makePhoneCall(phoneNumber: string): Promise<void>
  /**
   * Pick a point on a map (weapp: wx.chooseLocation). null where the platform has no map
   * picker (h5): pages hide the button. Resolves null when the person cancels.
   */
  chooseLocation: (() => Promise<PickedLocation | null>) | null
  /** Show a point on a map (weapp: wx.openLocation); null where there is none (h5). */
  openLocation: ((latitude: number, longitude: number, name: string) => Promise<void>) | null
  /**
   * Ask for one-time subscribe messages (weapp: wx.requestSubscribeMessage, at most 3 templates).
   * Must be called synchronously from a tap handler; never rejects. No-op in h5 or without templates.
   */
  requestSubscribe(templateIds: readonly string[]): Promise<void>
  /**
   * Choose up to `count` photos from the album or camera. Files that are not JPEG/PNG/WebP, over
   * `maxBytes` or beyond `count` are left out and counted in `dropped`, so the page can say so.
   * Resolves with no images and nothing dropped when the person cancels.
   */
  choosePhotos(options: ChoosePhotosOptions): Promise<ChosenPhotos>
  /** multipart POST of one chosen photo (weapp: wx.uploadFile). Rejects only when nothing was answered. */
  uploadFile(options: UploadOptions): Promise<{ statusCode: number; data: unknown }>
  /** GET a file with headers (images behind the bearer token) and give a path an Image can show. */
  downloadFile(url: string, header: Record<string, string>): Promise<DownloadResult>
  /** Open a downloaded document (weapp: wx.openDocument, with the menu to forward or save it); h5 saves it as `filename`. */
  openDocument(path: string, filename: string): Promise<void>
  /**
   * Open another mini program (weapp: wx.navigateToMiniProgram, after the person confirms).
   * Resolves false where that is impossible (h5) or it failed: the page then shows steps and a link.
   */
  openMiniProgram(appId: string, path: string): Promise<boolean>
  /**
   * Say in the address bar which page and query are showing (h5), so a refresh or a copied link
   * opens what the person sees; nothing to do in the mini program, which has no address bar.
   */
  replaceAddress(url: string): void
  /**
   * h5: names the title bar's back and home buttons for screen readers and keyboards, and lets
   * the keyboard scroll page containers; nothing to do in the mini program.
   */
  decorateChrome(): void
  /** The page showing and its query (`/pages/case/index?id=3`), to come back to after signing in. */
  currentAddress(): string
  /**
   * A link to a page of the app (`packageMediation/room/index?invite=…`) that a person can send by
   * any messenger (h5: this site's address); null in the mini program, which shares a card (转发).
   */
  pageLink(page: string): string | null
  /**
   * Scrolls a scroll-view (by element id) to its end and answers true (h5, where Taro's ScrollView
   * writes its `scrollTop` prop to the element on every render, so that prop cannot be used); false
   * in the mini program, whose scroll-view follows its `scrollTop` prop.
   */
  scrollToEnd(elementId: string): boolean
  /** Copy text for the person to paste elsewhere (a link). */
  copyText(text: string): Promise<void>
  /** Calls `listener` whenever the device comes back online; returns the unsubscribe function. */
  onNetworkRestored(listener: () => void): () => void
  /** URL of the service's WebSocket endpoint (weapp: from API_BASE_URL; h5: this page's origin). */
  socketUrl(path: string): string
  /** Opens a plain WebSocket (weapp: wx.connectSocket; h5: the browser's WebSocket). */
  openSocket(url: string, handlers: SocketHandlers): SocketConnection
}

export interface SocketHandlers {
  onOpen: () => void
  onMessage: (data: string) => void
  /** Called once, whether the socket closed or failed to open. */
  onClose: (code: number) => void
}

export interface SocketConnection {
  send(data: string): void
  close(): void
}

export interface PickedLocation {
  latitude: number
  longitude: number
  /** Place name and address as the map picker returned them (may be empty). */
  name: string
  address: string
}

export interface DownloadResult {
  statusCode: number
  /** Local path (weapp temp file, h5 blob: URL) of a 2xx answer. */
  path?: string
  /** Parsed error body of a non-2xx answer, when readable. */
  body?: unknown
}

export interface ChosenImage {
  /** Shows in an Image (weapp temp file, h5 blob: URL). */
  path: string
  size: number
  /** What uploadFile needs besides the path (h5: the browser File). */
  source?: unknown
}

export interface ChoosePhotosOptions {
  /** How many may still be added. */
  count: number
  /** Largest file accepted, when the caller knows the service's limit. */
  maxBytes?: number
}

/** How many picked files were left out, by reason. */
export interface DroppedPhotos {
  /** Not an image at all (e.g. a PDF). */
  notImage: number
  /** An image in a format the service refuses (e.g. GIF, HEIC). */
  unsupportedImage: number
  /** Over `maxBytes`. */
  tooLarge: number
  /** Acceptable, but more than `count` were picked. */
  overCount: number
}

export interface ChosenPhotos {
  images: ChosenImage[]
  dropped: DroppedPhotos
}

export interface UploadOptions {
  url: string
  image: Pick<ChosenImage, 'path' | 'source'>
  /** multipart field name */
  field: string
  header: Record<string, string>
}
