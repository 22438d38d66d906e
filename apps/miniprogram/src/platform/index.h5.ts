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
}
