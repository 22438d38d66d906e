export default definePageConfig({
  navigationBarTitleText: '领取邀请',
})
