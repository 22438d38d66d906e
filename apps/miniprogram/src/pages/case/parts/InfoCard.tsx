import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { CaseDetail } from '@jws/contracts'

import { api } from '../../../api'
import NoteInput from '../../../components/NoteInput'
import PhotoPicker, { uploadedIds, type PhotoItem } from '../../../components/PhotoPicker'
import { ErrorLine, useCaseCall, type OnUpdated } from './shared'

/** 补充信息 (the reporter, while the case is open): a note and photos, up to nine photos in all. */
export default function InfoCard({ c, onUpdated }: { c: CaseDetail; onUpdated: OnUpdated }) {
  const [note, setNote] = useState('')
  const [photos, setPhotos] = useState<PhotoItem[]>([])
  const call = useCaseCall(onUpdated)
  const room = Math.max(0, 9 - c.photos.length)

  async function submit() {
    const text = note.trim()
    const ids = uploadedIds(photos)
    if (ids === null) {
      call.setError(photos.some((p) => p.uploading) ? '图片正在上传，请稍候' : '有图片上传失败，请重试或删除')
      return
    }
    if (!text && ids.length === 0) {
      call.setError('请填写补充内容或添加图片')
      return
    }
    const ok = await call.run(() => api.caseInfo(c.id, { ...(text ? { note: text } : {}), ...(ids.length ? { photoIds: ids } : {}) }), '已补充')
    if (ok) {
      setNote('')
      setPhotos([])
    }
  }

  return (
    <View className='card' id='case-info-card'>
      <Text className='card__title'>补充信息</Text>
      <NoteInput id='case-info-note' value={note} onChange={setNote} placeholder='有新情况？补充说明给办理民警' />
      {room > 0 && (
        <View className='case__field'>
          <PhotoPicker idPrefix='case-info' photos={photos} onChange={setPhotos} max={room} disabled={call.busy} />
        </View>
      )}
      <ErrorLine id='case-info-error' message={call.error} />
      <Button block className='block-button' id='case-info-submit' type='primary' fill='outline' loading={call.busy} disabled={call.busy} onClick={() => void submit()}>
        提交补充信息
      </Button>
    </View>
  )
}
