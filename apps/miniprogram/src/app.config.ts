export default defineAppConfig({
  // Main package: resident pages and the thin 工作台 tab page (tab pages must live here).
  pages: [
    'pages/home/index',
    'pages/report/index',
    'pages/mine/index',
    'pages/workbench/index',
    'pages/join/index',
    'pages/login/index',
  ],
  // Officer pages load only when an officer opens them.
  subPackages: [
    {
      root: 'packageOfficer',
      pages: ['community/index'],
    },
  ],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#1d3f8f',
    navigationBarTitleText: '指尖上的警务室',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f3f5f9',
  },
  tabBar: {
    // Rendered by src/custom-tab-bar so that 工作台 shows only for staff.
    custom: true,
    color: '#5b6475',
    selectedColor: '#1d3f8f',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/home/index', text: '首页' },
      { pagePath: 'pages/report/index', text: '上报' },
      { pagePath: 'pages/mine/index', text: '我的' },
      { pagePath: 'pages/workbench/index', text: '工作台' },
    ],
  },
})
