export default definePageConfig({
  navigationBarTitleText: '输入调解邀请码',
})
