import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, Input } from '@nutui/nutui-react-taro'
import { RUMOUR_PLACE_MAX, RUMOUR_TEXT_MAX, type RumourGroup } from '@jws/contracts'

import { rumoursApi } from '../../api/rumours'
import Chips from '../../components/Chips'
import NoteInput from '../../components/NoteInput'
import PhotoPicker, { uploadedIds, type PhotoItem } from '../../components/PhotoPicker'
import { AsyncContent, EmptyBlock } from '../../components/StatusBlock'
import { useAsync } from '../../hooks/useAsync'
import { useSubmit } from '../../hooks/useSubmit'
import { ROUTES } from '../../lib/routes'
import '../rumour.scss'

function ReportForm({ groups }: { groups: RumourGroup[] }) {
  const [groupId, setGroupId] = useState<string>(groups.length === 1 ? String(groups[0].id) : '')
  const [text, setText] = useState('')
  const [place, setPlace] = useState('')
  const [photos, setPhotos] = useState<PhotoItem[]>([])
  const { busy, error, setError, run } = useSubmit()
  const send = async () => {
    if (!text.trim()) return setError('请填写传言内容')
    if (!groupId) return setError('请选择在哪个群看到的')
    const ids = uploadedIds(photos)
    if (ids === null) return setError('截图还在上传或上传失败，请稍候或删除后重试')
    const made = await run(() => rumoursApi.report({ text: text.trim(), groupId: Number(groupId), ...(place.trim() ? { place: place.trim() } : {}), ...(ids[0] ? { screenshotId: ids[0] } : {}) }))
    if (made) void Taro.redirectTo({ url: ROUTES.rumoursMine })
  }
  return (
    <View className='card' id='rumour-form'>
      <Text className='card__title'>报告传言</Text>
      <Text className='muted'>看到拿不准的消息，告诉社区民警。核实后，民警会发布辟谣，并通知您。</Text>
      <Text className='rumour__label'>传言内容</Text>
      <NoteInput id='rumour-text' value={text} onChange={setText} maxLength={RUMOUR_TEXT_MAX} placeholder='把看到的消息原样写下来' />
      <Text className='rumour__label'>在哪个群看到的</Text>
      <Text className='muted'>在别处看到的，选您所在的群，辟谣会发到这里。</Text>
      <Chips id='rumour-group' options={groups.map((g) => ({ value: String(g.id), label: g.name, id: `rumour-group-${g.id}` }))} value={groupId} onChange={setGroupId} />
      <Text className='rumour__label'>还在哪里看到（选填）</Text>
      <View className='rumour__field' id='rumour-place'>
        <Input value={place} placeholder='如：朋友圈、小区门口' maxLength={RUMOUR_PLACE_MAX} onChange={setPlace} />
      </View>
      <Text className='rumour__label'>截图（选填）</Text>
      <PhotoPicker idPrefix='rumour' photos={photos} onChange={setPhotos} max={1} disabled={busy} />
      {error && <Text className='error-text' id='rumour-error'>{error}</Text>}
      <Button block className='block-button' id='rumour-submit' type='primary' loading={busy} disabled={busy} onClick={() => void send()}>
        提交
      </Button>
    </View>
  )
}

/** 报告传言: what it says, the group where it was seen, where else, a screenshot. */
export default function RumourReportPage() {
  const state = useAsync(() => rumoursApi.groups(), [])
  return (
    <View className='page'>
      <AsyncContent state={state} errorId='rumour-groups-error'>
        {(groups) => (groups.length ? <ReportForm groups={groups} /> : (
          <View className='card' id='rumour-no-group'>
            <EmptyBlock title='您还没有加入社区群' description='加入所在社区后，就可以报告在群里看到的传言。' />
            <Button block className='block-button' id='rumour-join' type='primary' onClick={() => void Taro.navigateTo({ url: ROUTES.join })}>加入社区</Button>
          </View>
        ))}
      </AsyncContent>
    </View>
  )
}
