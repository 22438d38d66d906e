export default definePageConfig({
  navigationBarTitleText: '会商调度',
})
