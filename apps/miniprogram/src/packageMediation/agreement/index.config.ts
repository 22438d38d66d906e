export default definePageConfig({
  navigationBarTitleText: '调解协议书',
})
