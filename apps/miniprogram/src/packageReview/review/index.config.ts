export default definePageConfig({
  navigationBarTitleText: '会商记录',
})
