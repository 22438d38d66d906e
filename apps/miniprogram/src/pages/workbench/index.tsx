import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, Tag } from '@nutui/nutui-react-taro'
import { Permission, type Role, type WorkbenchAlerts, type WorkbenchUnit } from '@jws/contracts'

import { api } from '../../api'
import BulletinEntry from '../../components/BulletinEntry'
import RewardsEntry from '../../components/RewardsEntry'
import RoomList from '../../components/RoomList'
import { AsyncContent, EmptyBlock } from '../../components/StatusBlock'
import TabPage from '../../components/TabPage'
import { useAsync } from '../../hooks/useAsync'
import { supervisedLevelsText } from '../../lib/case-labels'
import { roleLabel } from '../../lib/labels'
import { ROUTES } from '../../lib/routes'
import { setAlerts } from '../../session/alerts'
import { loadMe } from '../../session/auth'
import { userCan } from '../../session/store'
import { CommunityList, UnitDrillDown } from './parts/Communities'
import './index.scss'

/** The counts on the entries (and the tab badge); the entries still show, without numbers, if they cannot be read. */
async function loadAlerts(): Promise<WorkbenchAlerts | null> {
  try {
    const alerts = await api.workbenchAlerts()
    setAlerts(alerts)
    return alerts
  } catch {
    return null
  }
}

async function loadWorkbench() {
  const user = await loadMe()
  // Mediators and department staff have no communities; leaders above a station drill down.
  const [communityCount, units, alerts] = await Promise.all([
    // The first page tells whether there are communities at all; CommunityList pages through them.
    userCan(user, Permission.CommunityMembersRead) ? api.workbenchCommunities({ pageSize: 1 }).then((p) => p.total) : Promise.resolve(0),
    userCan(user, Permission.OrgRead) ? api.workbenchUnits().catch(() => [] as WorkbenchUnit[]) : Promise.resolve([] as WorkbenchUnit[]),
    loadAlerts(),
  ])
  return { user, communityCount, units, alerts }
}

/** Leaders: 督办, the escalated cases of their jurisdiction, with their count in the header. */
function SupervisionEntry({ role, count }: { role: Role; count: number | null }) {
  return (
    <View className='card' id='workbench-supervision'>
      <View className='row'>
        <Text className='card__title workbench__queue-title' id='workbench-supervision-title'>
          督办{count !== null ? `（${count}）` : ''}
        </Text>
        {count !== null && count > 0 && <View id='workbench-supervision-count'><Tag type='danger'>待督办 {count}</Tag></View>}
      </View>
      <Text className='muted'>超时升级到{supervisedLevelsText(role)}、仍未办结的上报，超时最久的排在最前；可向责任民警催办。</Text>
      <Button block className='block-button' id='workbench-supervision-open' type='primary' onClick={() => void Taro.navigateTo({ url: ROUTES.supervision })}>
        查看督办
      </Button>
    </View>
  )
}

function QueueEntry({ alerts }: { alerts: WorkbenchAlerts | null }) {
  const open = (overdueOnly: boolean) => void Taro.navigateTo({ url: overdueOnly ? `${ROUTES.officerQueue}?overdue=1` : ROUTES.officerQueue })
  const fresh = alerts?.newReports ?? null
  const overdue = alerts?.overdueReports ?? null
  return (
    <View className='card' id='workbench-queue'>
      <View className='row'>
        <Text className='card__title workbench__queue-title'>案件队列</Text>
        <View className='row workbench__tags'>
          {fresh !== null && fresh > 0 && <View id='workbench-queue-new'><Tag type='primary'>新上报 {fresh}</Tag></View>}
          {overdue !== null && overdue > 0 && (
            <View id='workbench-queue-overdue' ariaRole='button' onClick={() => open(true)}>
              <Tag type='danger'>逾期 {overdue}</Tag>
            </View>
          )}
        </View>
      </View>
      <Text className='muted'>
        {fresh !== null ? `${fresh ? `${fresh} 件新上报待受理，` : '没有待受理的新上报，'}逾期的排在最前。` : '辖区群众的上报，逾期的排在最前。'}
      </Text>
      <Button block className='block-button' id='workbench-queue-open' type='primary' onClick={() => open(false)}>
        进入案件队列
      </Button>
    </View>
  )
}

/** Department staff: referrals to their department waiting to be signed. */
function ReferralEntry({ toSign }: { toSign: number | null }) {
  return (
    <View className='card' id='workbench-referrals'>
      <View className='row'>
        <Text className='card__title workbench__queue-title'>转办签收</Text>
        {toSign !== null && toSign > 0 && <View id='workbench-referrals-count'><Tag type='warning'>待签收 {toSign}</Tag></View>}
      </View>
      <Text className='muted'>民警转给本部门的事项：签收后回复办理结果，超时会逐级督办。</Text>
      <Button block className='block-button' id='workbench-referrals-open' type='primary' onClick={() => void Taro.navigateTo({ url: ROUTES.referralInbox })}>
        查看转办
      </Button>
    </View>
  )
}

/** A 工作台 card that opens one page: title, what it is for, and its button (`<id>-open`). */
function EntryCard({ id, title, description, button, url }: { id: string; title: string; description: string; button: string; url: string }) {
  return (
    <View className='card' id={id}>
      <Text className='card__title'>{title}</Text>
      <Text className='muted'>{description}</Text>
      <Button block className='block-button' id={`${id}-open`} type='primary' fill='outline' onClick={() => void Taro.navigateTo({ url })}>
        {button}
      </Button>
    </View>
  )
}

/** Leaders: the 政法委/综治 daily digest and, for branch and city, the 转办分流联席 agenda. */
function GovernanceEntry({ agenda }: { agenda: boolean }) {
  return (
    <View className='card' id='workbench-governance'>
      <Text className='card__title'>社会治理衔接</Text>
      <Text className='muted'>在办诉求按矛盾纠纷、治安隐患、民生诉求、违法犯罪线索分类，报同级政法委和综治中心。</Text>
      <Button block className='block-button' id='workbench-digest-open' type='primary' fill='outline' onClick={() => void Taro.navigateTo({ url: ROUTES.governanceDigest })}>
        政法委/综治日报
      </Button>
      {agenda && (
        <Button block className='block-button' id='workbench-agenda-open' type='primary' fill='outline' onClick={() => void Taro.navigateTo({ url: ROUTES.referralAgenda })}>
          转办分流联席议题
        </Button>
      )}
    </View>
  )
}

/** 工作台: the admin tab. Thin on purpose: officer pages live in the packageOfficer subpackage. */
export default function WorkbenchPage() {
  const state = useAsync(loadWorkbench, [], { reloadOnShow: true })

  return (
    <TabPage tab='workbench'>
      <AsyncContent state={state}>
        {({ user, communityCount, units, alerts }) =>
          userCan(user, Permission.WorkbenchAccess) ? (
            <>
              <View className='card workbench__header'>
                <Text className='card__title'>{user.nickname}</Text>
                <Text className='muted'>
                  {roleLabel(user)}
                  {user.orgUnitName ? ` · ${user.orgUnitName}` : ''}
                </Text>
              </View>
              {userCan(user, Permission.MediationMediate) && <RoomList id='workbench-rooms' title='我的调解' />}
              {userCan(user, Permission.CaseSupervise) && <SupervisionEntry role={user.role} count={alerts?.supervision ?? null} />}
              {userCan(user, Permission.CaseRead) && <QueueEntry alerts={alerts} />}
              {userCan(user, Permission.ReferralHandle) && <ReferralEntry toSign={alerts?.referralsToSign ?? null} />}
              <BulletinEntry user={user} />
              {userCan(user, Permission.FiguresRead) && (
                <EntryCard id='workbench-figures' title='数据' description='法治宣传、化解矛盾等六项工作量和响应率、解决率、满意率，每个数字可查到记录，可导出Excel。' button='查看数据' url={ROUTES.figures} />
              )}
              {userCan(user, Permission.CaseInspect) && (
                <EntryCard id='workbench-inspection' title='责任追究' description='辖区超时和升级督办的上报，逐件查看时限、通知、催办和回复，发起核查并记录结论。' button='查看超时上报' url={ROUTES.inspection} />
              )}
              {userCan(user, Permission.ReviewHold) && (
                <EntryCard id='workbench-reviews' title='会商调度' description='派出所每周、分县局每旬、市局每月会商：自动生成研判材料，记录决定事项并交办督办。' button='进入会商调度' url={ROUTES.reviews} />
              )}
              {userCan(user, Permission.FiguresRead) && (
                <EntryCard id='workbench-follow-ups' title='我的督办事项' description='会商交办给我的事项：按期限办结，逾期会报领导。' button='查看督办事项' url={ROUTES.followUps} />
              )}
              <RewardsEntry user={user} />
              {userCan(user, Permission.GovernanceDigestRead) && <GovernanceEntry agenda={userCan(user, Permission.ReferralAgendaRead)} />}
              {userCan(user, Permission.UnsealLogRead) && (
                <EntryCard id='workbench-unseal-log' title='信息员保密' description='派出所领导每次查看保密信息员身份的记录：谁、何时、为什么。' button='查看身份查看记录' url={ROUTES.unsealLog} />
              )}
              {userCan(user, Permission.ServiceGuideEdit) && (
                <EntryCard id='workbench-guide-edit' title='办事指引维护' description='修改事项名称、简介、同义词和群众说法；每次保存都是新版本，旧版本留档。' button='维护办事指引' url={ROUTES.guideEdit} />
              )}
              {userCan(user, Permission.ReferralTargetManage) && (
                <EntryCard id='workbench-referral-targets' title='转办对象' description='民警可转办的警种部门和政府部门，以及各部门签收、回复转办的经办人员。' button='管理转办对象' url={ROUTES.referralTargets} />
              )}
              {userCan(user, Permission.StaffInvitationCreate) && (
                <EntryCard id='workbench-staff-invites' title='人员邀请' description='邀请民警、调解员和部门工作人员登记，查看邀请是否已使用，撤销未使用的邀请。' button='邀请工作人员' url={ROUTES.staffInvites} />
              )}
              {userCan(user, Permission.AuditRead) && (
                <EntryCard id='workbench-audit' title='审计日志' description='谁在何时查看或改动了什么：可按操作人和对象查询，查询本身也会记录。' button='查看审计日志' url={ROUTES.audit} />
              )}
              {userCan(user, Permission.OutboxAdmin) && (
                <EntryCard id='workbench-dead-letters' title='消息投递' description='微信订阅消息多次发送仍失败的，在这里查看原因并重新发送。' button='查看发送失败的消息' url={ROUTES.deadLetters} />
              )}
              {userCan(user, Permission.MediationManage) && <RoomList id='workbench-rooms' title='我的调解' hideWhenEmpty />}
              {userCan(user, Permission.MediationManage) && (
                <EntryCard id='workbench-offline-rooms' title='线下调解' description='本所警民联调室的地址和可预约时段；网上调解转线下时，从这些时段中预约。' button='警民联调室' url={ROUTES.offlineRooms} />
              )}
              {/* The community list, or 暂无待办 for staff whose 工作台 has nothing else (admins and department staff have their own cards). */}
              {units.length > 0 ? (
                <UnitDrillDown top={units} rootName={user.orgUnitName ?? '全部'} />
              ) : (
                (communityCount > 0 || ![Permission.ReferralHandle, Permission.MediationMediate, Permission.OutboxAdmin, Permission.CaseInspect].some((p) => userCan(user, p))) && (
                  <CommunityList count={communityCount} pending={alerts?.pendingJoins} />
                )
              )}
            </>
          ) : (
            <EmptyBlock id='workbench-denied' title='工作台仅对民警和工作人员开放' />
          )
        }
      </AsyncContent>
    </TabPage>
  )
}
