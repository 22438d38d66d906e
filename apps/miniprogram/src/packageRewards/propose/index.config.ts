export default definePageConfig({
  navigationBarTitleText: '发起一事一奖',
})
