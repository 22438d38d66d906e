export default definePageConfig({
  navigationBarTitleText: '转办分流联席',
})
