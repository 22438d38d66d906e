export default definePageConfig({
  navigationBarTitleText: '信息员身份查看记录',
})
