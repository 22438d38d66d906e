export default definePageConfig({
  navigationBarTitleText: '网上调解室',
  // 转发 carries an invitation for a member without an account (useShareAppMessage in the page).
  enableShareAppMessage: true,
})
