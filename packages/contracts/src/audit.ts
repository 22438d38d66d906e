/**
 * 审计日志: the actions the service records (apps/server/src/audit/audit.service.ts `AuditAction`)
 * and what the entries are about, in words an admin reads. A server unit test checks every action
 * it records has a label here.
 */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'auth.sign_in': '登录',
  'auth.sign_in_demo': '演示账号登录',
  'auth.refresh_reuse': '刷新令牌被重复使用',
  'access.denied': '越权访问被拒绝',
  'personal_data.read': '查看个人信息',
  'permission.role_granted': '授予人员角色',
  'permission.informant_changed': '设置或取消信息员',
  'permission.staff_invited': '邀请工作人员',
  'permission.staff_invitation_revoked': '撤销人员邀请',
  'org.community_handover': '社区民警交接',
  'org.membership_decided': '审核加入申请',
  'org.invite_revoked': '作废社区邀请码',
  'audit.read': '查看审计日志',
  'informant.unsealed': '查看保密信息员身份',
  'case.urged': '催办',
  'mediation.transcript_read': '查看调解记录',
  'mediation.offline_room_changed': '变更警民联调室',
  'referral.target_changed': '变更转办对象',
  'bulletin.submitted': '提交公告审核',
  'bulletin.reviewed': '审核公告',
  'bulletin.withdrawn': '撤回公告',
  'bulletin.pushed': '推送公告',
  'bulletin.push_cancelled': '取消定时推送',
  'prevention.recorded': '记录安全防范',
  'reward.proposed': '发起一事一奖',
  'reward.decided': '审批一事一奖',
  'reward.naming_consent': '居民确认正气公告具名',
  'officer.honoured': '评选成绩突出社区民警',
};

/** What an entry is about (`targetType`), for the filter and the list. */
export const AUDIT_TARGET_LABELS: Record<string, string> = {
  user: '人员',
  case: '上报',
  community: '社区',
  membership: '入群申请',
  mediation_room: '调解室',
  offline_room: '警民联调室',
  offline_slot: '联调室时段',
  referral_target: '转办对象',
  staff_invitation: '人员邀请',
  service_matter: '办事事项',
  org_unit: '单位',
  route: '接口',
  bulletin: '公告',
  group: '警民群',
  prevention_action: '安全防范记录',
  reward: '一事一奖',
  officer_honour: '成绩突出社区民警',
};

export const auditActionLabel = (action: string): string => AUDIT_ACTION_LABELS[action] ?? action;
export const auditTargetLabel = (type: string): string => AUDIT_TARGET_LABELS[type] ?? type;
