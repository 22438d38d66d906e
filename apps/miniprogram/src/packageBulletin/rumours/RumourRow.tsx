import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, Tag } from '@nutui/nutui-react-taro'
import { RUMOUR_STATUS_LABELS, RumourStatus, type RumourReportDetail, type RumourReportView } from '@jws/contracts'

import { errorMessage } from '../../api'
import { rumoursApi } from '../../api/rumours'
import AuthImage from '../../components/AuthImage'
import { formatDateTime } from '../../lib/labels'
import { ROUTES } from '../../lib/routes'
import '../bulletin.scss'

/**
 * One rumour report for staff: tapped, it opens its page (the reporter's name for the group's
 * responsible officer only, an audited read) and the screenshot; 写辟谣 starts a 辟谣 linked to it.
 */
export default function RumourRow({ r, canWrite }: { r: RumourReportView; canWrite: boolean }) {
  const [open, setOpen] = useState<RumourReportDetail | null>(null)
  const [error, setError] = useState('')
  const toggle = async () => {
    if (open) return setOpen(null)
    try {
      setOpen(await rumoursApi.detail(r.id))
    } catch (e) {
      setError(errorMessage(e))
    }
  }
  const debunked = r.status === RumourStatus.Debunked
  return (
    <View className='rumour-item' id={`rumour-row-${r.id}`}>
      <View className='row' ariaRole='button' onClick={() => void toggle()}>
        <Tag type={debunked ? 'success' : 'warning'}>{RUMOUR_STATUS_LABELS[r.status]}</Tag>
        <Text className='list-item__meta'>{`${r.reporterKind === 'resident' ? '居民' : '民警'}报告 · ${formatDateTime(r.createdAt)}`}</Text>
      </View>
      <Text className='rumour-item__text' onClick={() => void toggle()}>{r.text}</Text>
      <Text className='list-item__meta'>{`${r.groupName}${r.place ? ` · ${r.place}` : ''}`}</Text>
      {error && <Text className='error-text'>{error}</Text>}
      {open && (
        <View id={`rumour-detail-${r.id}`}>
          {open.reporterName && <Text className='list-item__meta' id={`rumour-reporter-${r.id}`}>{`报告人：${open.reporterName}${open.reporterPhone ? ` ${open.reporterPhone}` : ''}`}</Text>}
          {open.screenshotUrl && <AuthImage className='rumour-item__shot' url={open.screenshotUrl} />}
        </View>
      )}
      {r.bulletinId !== null && (
        <View className='rumour-item__link' id={`rumour-bulletin-${r.id}`} ariaRole='link' onClick={() => void Taro.navigateTo({ url: `${ROUTES.bulletinManage}?id=${r.bulletinId}` })}>
          {`${debunked ? '已辟谣' : '辟谣撰写中'}：${r.bulletinTitle ?? ''}`}
        </View>
      )}
      {r.bulletinId === null && canWrite && (
        <Button size='small' className='block-button' id={`rumour-write-${r.id}`} type='primary' fill='outline' onClick={() => void Taro.navigateTo({ url: `${ROUTES.bulletinWrite}?kind=rumour&rumour=${r.id}` })}>
          写辟谣
        </Button>
      )}
    </View>
  )
}
