export default definePageConfig({
  navigationBarTitleText: '人员邀请',
  // 发送给对方: the share card carries the claim page with the new invitation's token.
  enableShareAppMessage: true,
})
