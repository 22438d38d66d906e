export default definePageConfig({
  navigationBarTitleText: '撰写公告',
})
