export default definePageConfig({
  navigationBarTitleText: '我的传言报告',
})
