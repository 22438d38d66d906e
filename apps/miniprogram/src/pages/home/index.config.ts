export default definePageConfig({
  navigationBarTitleText: '指尖上的警务室',
})
