export default definePageConfig({
  navigationBarTitleText: '我的督办事项',
})
