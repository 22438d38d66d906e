export default definePageConfig({
  navigationBarTitleText: '转办对象',
})
