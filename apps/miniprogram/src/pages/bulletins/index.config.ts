export default definePageConfig({
  navigationBarTitleText: '警务公告',
})
