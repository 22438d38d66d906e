export default defineAppConfig({
  // Main package: resident pages and the thin 工作台 tab page (tab pages must live here).
  pages: [
    'pages/home/index',
    'pages/report/index',
    'pages/mine/index',
    'pages/workbench/index',
    'pages/join/index',
    'pages/login/index',
    // Opened from 我的上报, 消息 and subscribe messages; staff are sent on to packageOfficer/case.
    'pages/case/index',
    'pages/notifications/index',
    // 办事指引: search results and one matter with its routes (residents, no login needed).
    'pages/guide/index',
    'pages/matter/index',
    // 公告: the reader's list by kind and one bulletin (法律依据, 有用, 分享).
    'pages/bulletins/index',
    'pages/bulletin/index',
  ],
  // Officer pages load only when an officer opens them.
  subPackages: [
    {
      root: 'packageOfficer',
      // unseal-log: city leaders review every unseal of an informant's identity; supervision: the
      // leaders' 督办 list of escalated cases, with 催办; case: a report with the handling tools
      // (pages/case sends staff here, so residents never download them).
      pages: ['community/index', 'queue/index', 'unseal-log/index', 'supervision/index', 'case/index'],
    },
    {
      // 转办: the officer's referral form, the department's inbox (签收/回复), one referral, and for
      // leaders the 转办分流联席 agenda and the 政法委/综治 daily digest; admins edit the 办事指引 and
      // the 转办对象 (departments and who works their referrals), and see messages that failed (dead-letters).
      root: 'packageReferral',
      pages: ['refer/index', 'inbox/index', 'detail/index', 'agenda/index', 'digest/index', 'guide-edit/index', 'targets/index', 'dead-letters/index'],
    },
    // 调解室: residents, mediators and officers open it from 我的, 工作台, a case or an invitation;
    // station staff manage their 警民联调室 and its bookable slots (offline-rooms, from 工作台);
    // agreement: the printable 调解协议书 of a room; room-code: 输入调解邀请码 (from 我的 or 首页).
    {
      root: 'packageMediation',
      pages: ['room/index', 'offline-rooms/index', 'agreement/index', 'room-code/index'],
    },
    // 人员邀请 and 审计日志 (leaders and admins, from 工作台), and 领取邀请 for the person invited.
    {
      root: 'packageAdmin',
      pages: ['staff-invites/index', 'staff-claim/index', 'audit/index'],
    },
    // 公告 for staff: writing (write), the lists (mine, review queue, to push), one bulletin's
    // review, push, withdrawal and figures (manage), pushes by kind and officer (stats), and the
    // WeChat groups share cards were opened from, to bind to the officer's groups (wechat-groups).
    {
      root: 'packageBulletin',
      // rumours: the rumour reports (传言) of the caller's scope, each opening a 辟谣 linked to it.
      pages: ['write/index', 'list/index', 'manage/index', 'stats/index', 'wechat-groups/index', 'rumours/index'],
    },
    // 传言: 报告传言 and 我的传言报告 (residents and staff), from 警务公告 and 消息.
    {
      root: 'packageRumour',
      pages: ['report/index', 'mine/index'],
    },
    // 数据 (leaders, and officers for their own communities): the six counters, the three rates with
    // their ranking, coverage, the records behind a number, and the .xlsx.
    {
      root: 'packageFigures',
      pages: ['figures/index', 'records/index'],
    },
    // 责任追究 (信访/督察): overdue and escalated cases with their response-time trails, one case's
    // trail with the 核查 form, and the 核查 history.
    {
      root: 'packageInspection',
      pages: ['list/index', 'case/index', 'inquiries/index'],
    },
    // 会商调度 (leaders): due and past reviews, the printable 研判材料, the record form with decisions,
    // one review, 重大问题 to the 挂点 city leader; and 我的督办事项 for the decisions' owners.
    {
      root: 'packageReview',
      pages: ['reviews/index', 'packet/index', 'record/index', 'review/index', 'issues/index', 'follow-ups/index'],
    },
    // 激励奖励: 一事一奖 proposed by officers (propose, from a case) and decided by the station leader
    // (list); 我的奖励 with the 正气 naming consent (mine, residents); 成绩突出社区民警 (ranking, leaders).
    {
      root: 'packageRewards',
      pages: ['propose/index', 'list/index', 'mine/index', 'ranking/index'],
    },
  ],
  // 上报: the optional map point (wx.chooseLocation) must be declared, with the reason shown to the person.
  requiredPrivateInfos: ['chooseLocation'],
  permission: {
    'scope.userLocation': { desc: '用于在上报时标注事发位置' },
  },
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#1d3f8f',
    navigationBarTitleText: '指尖上的警务室',
    navigationBarTextStyle: 'white',
    // The default in the mini program; in the h5 build it turns on Taro's own title bar, with a
    // back button on sub-pages (a home button when a deep link opened them).
    navigationStyle: 'default',
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
