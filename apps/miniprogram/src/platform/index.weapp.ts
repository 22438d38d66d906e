import Taro from '@tarojs/taro'

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
}
