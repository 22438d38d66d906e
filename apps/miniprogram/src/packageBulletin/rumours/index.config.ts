export default definePageConfig({
  navigationBarTitleText: '传言报告',
})
