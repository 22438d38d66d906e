export default definePageConfig({
  navigationBarTitleText: '成绩突出社区民警',
})
