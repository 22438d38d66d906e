export default definePageConfig({
  navigationBarTitleText: '核查记录',
})
