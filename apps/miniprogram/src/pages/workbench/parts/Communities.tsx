import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Tag } from '@nutui/nutui-react-taro'
import { OrgLevel, type WorkbenchCommunity, type WorkbenchUnit } from '@jws/contracts'

import { api } from '../../../api'
import NameSearch from '../../../components/NameSearch'
import PagedList from '../../../components/PagedList'
import { AsyncContent, EmptyBlock } from '../../../components/StatusBlock'
import { useAsync } from '../../../hooks/useAsync'
import { usePaged } from '../../../hooks/usePaged'
import { officerCommunityUrl } from '../../../lib/routes'

function openCommunity(community: WorkbenchCommunity) {
  void Taro.navigateTo({ url: officerCommunityUrl(community.id) })
}

const COMMUNITY_PAGE_SIZE = 20

function CommunityRow({ c }: { c: WorkbenchCommunity }) {
  return (
    <View id={`community-${c.id}`} className='row list-item workbench__community' ariaRole='button' onClick={() => openCommunity(c)}>
      <View className='list-item__main'>
        <Text className='list-item__title'>{c.name}</Text>
        <Text className='list-item__meta'>
          {c.stationName} · 民警：{c.officer?.name ?? '未指定'} · 成员 {c.memberCount ?? 0} 人
        </Text>
      </View>
      {c.pendingCount > 0 ? <Tag type='warning'>待审核 {c.pendingCount}</Tag> : <Text className='muted'>查看</Text>}
    </View>
  )
}

/**
 * 负责的社区, a page at a time (a station has about 11 communities, a branch about 110, the city
 * 453); where there are more than a page, a name search.
 */
export function CommunityList({ count: known, pending, under, title = '负责的社区' }: { count?: number; pending?: number | null; under?: number; title?: string }) {
  const [search, setSearch] = useState('')
  const list = usePaged((page) => api.workbenchCommunities({ page, pageSize: COMMUNITY_PAGE_SIZE, q: search, under }), [search, under], { reloadOnShow: true })
  // Under one station (drill-down) the list's own total is the count.
  const count = known ?? list.total
  if (count === 0 && known !== undefined) {
    return (
      <View className='card'>
        <EmptyBlock id='workbench-empty' title='暂无待办' description='有需要您处理的事项时会显示在这里。' />
      </View>
    )
  }
  return (
    <View className='card' id='community-list'>
      <View className='row'>
        <Text className='card__title workbench__queue-title'>{`${title}（${count}）`}</Text>
        {pending !== undefined && pending !== null && pending > 0 && <View id='workbench-pending-count'><Tag type='warning'>待审核 {pending}</Tag></View>}
      </View>
      {count > COMMUNITY_PAGE_SIZE && (
        <NameSearch id='search-communities' placeholder='输入社区或派出所名称查找' onSearch={setSearch} />
      )}
      <PagedList state={list} id='list-communities' moreId='more-communities' empty={{ title: search ? `没有名称含“${search}”的社区` : '暂无社区' }}>
        {(c) => <CommunityRow key={c.id} c={c} />}
      </PagedList>
    </View>
  )
}

interface Crumb {
  id: number
  name: string
  level: OrgLevel
}

function UnitRow({ unit, onOpen }: { unit: WorkbenchUnit; onOpen: () => void }) {
  return (
    <View id={`unit-${unit.id}`} className='row list-item workbench__community' ariaRole='button' onClick={onOpen}>
      <View className='list-item__main'>
        <Text className='list-item__title'>{unit.name}</Text>
        <Text className='list-item__meta'>{`社区 ${unit.communityCount} 个`}</Text>
      </View>
      {unit.pendingCount > 0 ? <Tag type='warning'>待审核 {unit.pendingCount}</Tag> : <Text className='muted'>查看 ›</Text>}
    </View>
  )
}

/**
 * Leaders above a station (a branch has about 110 communities, the city 453): 分局 → 派出所 →
 * 社区, one level at a time, with a name search over every community of the jurisdiction.
 */
export function UnitDrillDown({ top, rootName }: { top: WorkbenchUnit[]; rootName: string }) {
  const [path, setPath] = useState<Crumb[]>([])
  const [search, setSearch] = useState('')
  const current = path[path.length - 1]
  const children = useAsync(
    async () => (current && current.level !== OrgLevel.Station ? api.workbenchUnits(current.id) : top),
    [current?.id],
  )
  const found = usePaged((page) => (search ? api.workbenchCommunities({ page, pageSize: COMMUNITY_PAGE_SIZE, q: search }) : Promise.resolve({ items: [], total: 0, page: 1, pageSize: COMMUNITY_PAGE_SIZE })), [search])
  const open = (unit: WorkbenchUnit) => setPath([...path, { id: unit.id, name: unit.name, level: unit.level }])

  return (
    <View className='card' id='unit-drilldown'>
      <Text className='card__title'>辖区社区</Text>
      <NameSearch id='search-communities' placeholder='输入社区或派出所名称查找' onSearch={setSearch} />
      {search ? (
        <PagedList state={found} id='list-communities' moreId='more-communities' empty={{ title: `没有名称含“${search}”的社区` }}>
          {(c) => <CommunityRow key={c.id} c={c} />}
        </PagedList>
      ) : (
        <>
          <View className='row workbench__crumbs' id='unit-crumbs'>
            <View className={path.length ? 'link-text' : 'workbench__crumb-current'} id='crumb-root' ariaRole={path.length ? 'button' : undefined} onClick={() => setPath([])}>
              {rootName}
            </View>
            {path.map((crumb, i) => (
              <View key={crumb.id} className='row workbench__crumb'>
                <Text className='muted'>›</Text>
                <View id={`crumb-${crumb.id}`} className={i < path.length - 1 ? 'link-text' : 'workbench__crumb-current'} ariaRole={i < path.length - 1 ? 'button' : undefined} onClick={() => setPath(path.slice(0, i + 1))}>
                  {crumb.name}
                </View>
              </View>
            ))}
          </View>
          {current?.level === OrgLevel.Station ? (
            <CommunityList under={current.id} title={current.name} />
          ) : (
            <AsyncContent state={children}>
              {(units) => (
                <View id='unit-list'>
                  {units.map((u) => <UnitRow key={u.id} unit={u} onOpen={() => open(u)} />)}
                </View>
              )}
            </AsyncContent>
          )}
        </>
      )}
    </View>
  )
}

