export default definePageConfig({
  navigationBarTitleText: '网上调解室',
})
