export default definePageConfig({
  navigationBarTitleText: '政法委/综治日报',
})
