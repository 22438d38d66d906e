import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Input } from '@nutui/nutui-react-taro'
import {
  BULLETIN_IMAGES_MAX, BULLETIN_KIND_LABELS, BULLETIN_TITLE_MAX, BULLETIN_URGENT_REVIEW_MINUTES, BulletinKind, WARNING_TYPE_LABELS, WarningType, writableKinds, type BulletinDetail, type UserView,
} from '@jws/contracts'

import { bulletinsApi } from '../../api/bulletins'
import Chips from '../../components/Chips'
import NoteInput from '../../components/NoteInput'
import PhotoPicker from '../../components/PhotoPicker'
import { AsyncContent } from '../../components/StatusBlock'
import { useAsync } from '../../hooks/useAsync'
import { useSubmit } from '../../hooks/useSubmit'
import { ROUTES } from '../../lib/routes'
import { loadMe } from '../../session/auth'
import { contentOf, useBulletinForm } from './useBulletinForm'
import '../bulletin.scss'

const URGENCY = [{ value: 'normal', label: '一般', id: 'bulletin-urgent-no' }, { value: 'urgent', label: '紧急', id: 'bulletin-urgent-yes' }]
const WARNING_TYPES = Object.values(WarningType).map((w) => ({ value: w, label: WARNING_TYPE_LABELS[w], id: `bulletin-warning-${w}` }))

function BulletinFormView({ user, editing }: { user: UserView; editing?: BulletinDetail }) {
  const { form, set, setPhotos } = useBulletinForm(editing)
  const { busy, error, setError, run } = useSubmit()
  const kinds = (editing ? [editing.kind] : writableKinds(user.role)).map((k) => ({ value: k, label: BULLETIN_KIND_LABELS[k], id: `bulletin-kind-${k}` }))
  const save = async () => {
    const { content, problems } = contentOf(form)
    if (!content) return setError(problems[0])
    const saved = await run(() => (editing ? bulletinsApi.update(editing.id, content) : bulletinsApi.create(content)))
    if (saved) void Taro.redirectTo({ url: `${ROUTES.bulletinManage}?id=${saved.id}` })
  }
  return (
    <View className='card' id='bulletin-form'>
      <Text className='card__title'>{editing ? `修改公告（当前第${editing.version}版）` : '撰写公告'}</Text>
      {editing && <Text className='muted'>保存后生成新版本；已推送的版本不会改变。</Text>}
      <Text className='bulletin-form__label'>类别</Text>
      <Chips id='bulletin-kind' options={kinds} value={form.kind} onChange={(k) => set('kind', k)} />
      {form.kind === BulletinKind.Warning && (
        <>
          <Text className='bulletin-form__label'>预警类型</Text>
          <Chips id='bulletin-warning-type' options={WARNING_TYPES} value={form.warningType} onChange={(w) => set('warningType', w)} />
          <Text className='bulletin-form__label'>紧急程度</Text>
          <Chips id='bulletin-urgent' options={URGENCY} value={form.urgent ? 'urgent' : 'normal'} onChange={(u) => set('urgent', u === 'urgent')} />
          {form.urgent && <Text className='bulletin-form__hint'>紧急预警须在提交后{BULLETIN_URGENT_REVIEW_MINUTES / 60}小时内审核，超时将提醒审核人并报分局督办。</Text>}
        </>
      )}
      <Text className='bulletin-form__label'>标题</Text>
      <View className='bulletin-form__field' id='bulletin-title-input'>
        <Input value={form.title} placeholder={`不超过${BULLETIN_TITLE_MAX}个字`} maxLength={BULLETIN_TITLE_MAX + 20} onChange={(v) => set('title', v)} />
      </View>
      <Text className='bulletin-form__label'>正文</Text>
      <NoteInput id='bulletin-body-input' value={form.text} onChange={(v) => set('text', v)} maxLength={5000} placeholder='用通俗的话写清楚：发生了什么、要注意什么、怎么做' />
      <Text className='bulletin-form__hint'>空一行另起一段；行首写“- ”成为列表；用 **两边加星号** 标出粗体。</Text>
      <Text className='bulletin-form__label'>图片（选填，最多{BULLETIN_IMAGES_MAX}张）</Text>
      <PhotoPicker idPrefix='bulletin' photos={form.photos} onChange={setPhotos} max={BULLETIN_IMAGES_MAX} disabled={busy} />
      <Text className='bulletin-form__label'>法律依据（选填）</Text>
      <View className='bulletin-form__field' id='bulletin-basis-input'>
        <Input value={form.legalBasis} placeholder='如：《中华人民共和国反电信网络诈骗法》第二十五条' maxLength={200} onChange={(v) => set('legalBasis', v)} />
      </View>
      <Text className='bulletin-form__label'>标签（选填，用逗号分开）</Text>
      <View className='bulletin-form__field' id='bulletin-tags-input'>
        <Input value={form.tags} placeholder='如：反诈，防盗' maxLength={60} onChange={(v) => set('tags', v)} />
      </View>
      {error && <Text className='error-text' id='bulletin-form-error'>{error}</Text>}
      <Button block className='block-button' id='bulletin-save' type='primary' loading={busy} disabled={busy} onClick={() => void save()}>
        保存
      </Button>
    </View>
  )
}

/** 撰写公告 (new) or 修改 (`?id=`): kind, title, structured body, 法律依据 and tags. Review and pushing are on the manage page. */
export default function BulletinWritePage() {
  const id = Number(useRouter().params.id) || null
  const state = useAsync(async () => ({ user: await loadMe(), editing: id ? await bulletinsApi.detail(id) : undefined }), [id])
  return (
    <View className='page'>
      <AsyncContent state={state} errorId='bulletin-write-error'>
        {({ user, editing }) => <BulletinFormView user={user} editing={editing} />}
      </AsyncContent>
    </View>
  )
}
