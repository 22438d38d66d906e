export default definePageConfig({
  navigationBarTitleText: '责任追究',
})
