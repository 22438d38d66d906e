export default definePageConfig({
  navigationBarTitleText: '重大问题',
})
