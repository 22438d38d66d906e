export default definePageConfig({
  navigationBarTitleText: '办事指引维护',
})
