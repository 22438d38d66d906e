export default definePageConfig({
  navigationBarTitleText: '公告详情',
  // 分享: the officer forwards the bulletin into the real WeChat group (withShareTicket, see the page).
  enableShareAppMessage: true,
})
