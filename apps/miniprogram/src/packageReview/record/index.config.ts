export default definePageConfig({
  navigationBarTitleText: '记录会商',
})
