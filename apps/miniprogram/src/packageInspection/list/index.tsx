import { Text, View } from '@tarojs/components'
import Taro, { useReachBottom } from '@tarojs/taro'
import { Button, Tag } from '@nutui/nutui-react-taro'
import { EscalationLevel, Permission, type InspectionItem } from '@jws/contracts'

import { api } from '../../api'
import PagedList from '../../components/PagedList'
import { EmptyBlock } from '../../components/StatusBlock'
import { useMe } from '../../hooks/useMe'
import { usePaged } from '../../hooks/usePaged'
import { escalationLabel } from '../../lib/case-labels'
import { ROUTES } from '../../lib/routes'
import { userCan } from '../../session/store'
import Trail from '../parts/Trail'
import '../inspection.scss'

const PAGE_SIZE = 20

function Item({ c }: { c: InspectionItem }) {
  const open = () => void Taro.navigateTo({ url: `${ROUTES.inspectionCase}?id=${c.caseId}` })
  return (
    <View className='inspection__item' id={`inspection-item-${c.caseId}`}>
      <View className='row'>
        <Text className='inspection__title'>{c.title}</Text>
        {c.escalation >= EscalationLevel.StationSupervising ? (
          <Tag type={c.escalation >= EscalationLevel.BranchUrging ? 'danger' : 'warning'}>{escalationLabel(c.escalation)}</Tag>
        ) : (
          <Tag type='warning'>已超时</Tag>
        )}
      </View>
      <Text className='list-item__meta'>{c.number} · {c.communityName}</Text>
      <Text className='list-item__meta'>责任民警：{c.officerName ?? '未指定'}{c.inquiryCount ? ` · 已核查${c.inquiryCount}次` : ''}</Text>
      <Trail trail={c.trail} idPrefix={`inspection-item-${c.caseId}`} />
      <Button className='block-button' id={`inspection-open-${c.caseId}`} size='small' type='primary' fill='outline' onClick={open}>
        核查
      </Button>
    </View>
  )
}

/** 责任追究 (信访/督察): the jurisdiction's overdue and escalated cases, each with its response-time trail. */
export default function InspectionListPage() {
  const { user } = useMe()
  const list = usePaged((page) => api.inspectionCases(page, PAGE_SIZE), [], { reloadOnShow: true })
  useReachBottom(() => {
    if (list.hasMore && !list.loadingMore && !list.error) void list.loadMore()
  })
  if (user && !userCan(user, Permission.CaseInspect)) {
    return (
      <View className='page'>
        <EmptyBlock id='inspection-denied' title='责任追究仅对信访督察开放' />
      </View>
    )
  }
  return (
    <View className='page'>
      <View className='card'>
        <Text className='card__title'>超时与升级的上报{list.items ? `（${list.total}）` : ''}</Text>
        <Text className='muted inspection__intro'>
          辖区内超过时限或已升级督办、仍未办结的上报。每件列出全部时限、通知了谁、何时催办、民警如何回复，可据此发起核查。
        </Text>
        <Button className='block-button' id='inspection-history-open' size='small' fill='outline' onClick={() => void Taro.navigateTo({ url: ROUTES.inquiries })}>
          核查记录
        </Button>
        <PagedList state={list} id='inspection-list' moreId='inspection-more' empty={{ title: '暂无超时的上报', description: '超过时限或升级督办的上报会显示在这里。' }}>
          {(c) => <Item key={c.caseId} c={c} />}
        </PagedList>
      </View>
    </View>
  )
}
