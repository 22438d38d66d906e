export default definePageConfig({
  navigationBarTitleText: '转办详情',
})
