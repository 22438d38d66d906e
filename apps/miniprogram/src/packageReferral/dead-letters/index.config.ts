export default definePageConfig({
  navigationBarTitleText: '消息投递失败',
})
