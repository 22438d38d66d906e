export default definePageConfig({
  navigationBarTitleText: '案件队列',
})
