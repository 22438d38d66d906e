export default definePageConfig({
  navigationBarTitleText: '研判材料',
})
