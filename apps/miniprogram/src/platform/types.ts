/** What differs between the WeChat mini program and the browser build. Pages use only this. */
export interface Platform {
  /** 'weapp' logs in silently with wx.login; 'demo' (h5) picks a demo account on the login page. */
  loginMode: 'wechat' | 'demo'
  /** A one-time WeChat login code for POST /api/auth/wechat (weapp only). */
  getLoginCode(): Promise<string>
  /** Dial a number (asks the person first). */
  makePhoneCall(phoneNumber: string): Promise<void>
}
