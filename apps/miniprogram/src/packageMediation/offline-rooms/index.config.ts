export default definePageConfig({
  navigationBarTitleText: '警民联调室',
})
