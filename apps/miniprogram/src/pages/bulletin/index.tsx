import { useEffect } from 'react'
import { Button as TaroButton, Text, View } from '@tarojs/components'
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro'
import { Button, Tag } from '@nutui/nutui-react-taro'
import { BulletinStatus, type BulletinDetail } from '@jws/contracts'

import { bulletinsApi } from '../../api/bulletins'
import BulletinBody from '../../components/BulletinBody'
import BulletinImages from '../../components/BulletinImages'
import { AsyncContent, EmptyBlock } from '../../components/StatusBlock'
import { useAsync } from '../../hooks/useAsync'
import { useSubmit } from '../../hooks/useSubmit'
import { bulletinKindLabel, bulletinKindTagType } from '../../lib/bulletin-labels'
import { formatDateTime } from '../../lib/labels'
import { ROUTES } from '../../lib/routes'
import { countGroupCardOpen, shareCard } from '../../lib/share-card'
import { platform } from '../../platform'
import './index.scss'

function Useful({ b, onChange }: { b: BulletinDetail; onChange: (b: BulletinDetail) => void }) {
  const { busy, error, run } = useSubmit()
  const tap = async () => {
    const answer = await run(() => bulletinsApi.markUseful(b.id))
    if (answer) onChange({ ...b, useful: true, usefulCount: answer.usefulCount })
  }
  return (
    <View className='bulletin__useful'>
      <Button id='bulletin-useful' type='primary' fill={b.useful ? 'solid' : 'outline'} loading={busy} disabled={busy || b.useful} onClick={() => void tap()}>
        {b.useful ? `已觉得有用 · ${b.usefulCount}` : `有用 · ${b.usefulCount}`}
      </Button>
      {error && <Text className='error-text' id='bulletin-useful-error'>{error}</Text>}
    </View>
  )
}

/**
 * 分享: in WeChat the share button forwards it (into a group, with a share ticket; the card's path
 * carries the share, see shareCard); in the browser it records the share and copies the link.
 */
function Share({ id }: { id: number }) {
  const copy = async () => {
    if (process.env.TARO_ENV === 'weapp') return
    const shared = await bulletinsApi.share(id).catch(() => null)
    await platform.copyText(shared ? `/${shared.path}` : `${ROUTES.bulletin}?id=${id}`)
    void Taro.showToast({ title: '链接已复制', icon: 'none' })
  }
  return (
    <TaroButton className='bulletin__share' id='bulletin-share' openType='share' onClick={() => void copy()}>
      分享到群
    </TaroButton>
  )
}

function BulletinView({ b, onChange }: { b: BulletinDetail; onChange: (b: BulletinDetail) => void }) {
  if (b.status === BulletinStatus.Withdrawn && !b.title) {
    return <EmptyBlock id='bulletin-withdrawn' title='该公告已撤回' description={b.withdrawnAt ? `撤回时间：${formatDateTime(b.withdrawnAt)}` : undefined} />
  }
  const staff = b.can.edit || b.can.submit || b.can.review || b.can.push || b.can.withdraw
  return (
    <View className='card' id='bulletin'>
      <View className='row'>
        <Tag type={bulletinKindTagType(b.kind)}>{bulletinKindLabel(b.kind, b.warningType)}</Tag>
        {b.status === BulletinStatus.Withdrawn && <Text className='bulletin__withdrawn' id='bulletin-withdrawn-tag'>已撤回</Text>}
      </View>
      <Text className='bulletin__title' id='bulletin-title'>{b.title}</Text>
      <Text className='muted'>{[b.orgName, b.pushedAt ? formatDateTime(b.pushedAt) : ''].filter(Boolean).join(' · ')}</Text>
      <BulletinBody blocks={b.body} id='bulletin-body' />
      <BulletinImages urls={b.imageUrls} id='bulletin-images' />
      {b.legalBasis && (
        <View className='bulletin__basis' id='bulletin-legal-basis'>
          <Text className='bulletin__basis-label'>法律依据</Text>
          <Text>{b.legalBasis}</Text>
        </View>
      )}
      {b.tags.length > 0 && <Text className='muted'>{b.tags.map((t) => `#${t}`).join(' ')}</Text>}
      {b.status !== BulletinStatus.Withdrawn && (
        <View className='row bulletin__actions'>
          <Useful b={b} onChange={onChange} />
          <Share id={b.id} />
        </View>
      )}
      {staff && (
        <Button block className='block-button' id='bulletin-manage' fill='outline' type='primary' onClick={() => void Taro.navigateTo({ url: `${ROUTES.bulletinManage}?id=${b.id}` })}>
          审核、推送与管理
        </Button>
      )}
    </View>
  )
}

/** One bulletin as its reader sees it: kind, title, body, 法律依据, 有用 and 分享; opening it marks it read. */
export default function BulletinPage() {
  const params = useRouter().params
  const id = Number(params.id)
  const state = useAsync(() => bulletinsApi.detail(id), [id])
  const b = state.data
  useEffect(() => {
    if (b && !b.read && b.status !== BulletinStatus.Withdrawn) void bulletinsApi.markRead(b.id).then(() => state.set({ ...b, read: true })).catch(() => undefined)
  }, [b?.id, b?.read])
  useEffect(() => {
    if (process.env.TARO_ENV !== 'weapp') return
    void Taro.showShareMenu({ withShareTicket: true }).catch(() => undefined)
    void Taro.updateShareMenu({ withShareTicket: true }).catch(() => undefined)
  }, [])
  // Opened from a card in a WeChat group: the open counts for that group (once the bulletin is readable).
  useEffect(() => {
    if (b) void countGroupCardOpen(b.id, Number(params.share) || undefined)
  }, [b?.id])
  useShareAppMessage(() => shareCard(id, b?.title || '警务公告', ROUTES.bulletin))
  return (
    <View className='page'>
      <AsyncContent state={state} errorId='bulletin-error'>
        {(detail) => <BulletinView b={detail} onChange={state.set} />}
      </AsyncContent>
    </View>
  )
}
