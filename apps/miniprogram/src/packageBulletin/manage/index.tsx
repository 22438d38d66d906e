import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Tag } from '@nutui/nutui-react-taro'
import { BULLETIN_SEC_CHECK_LABELS, BulletinStatus, type BulletinDetail } from '@jws/contracts'

import { bulletinsApi } from '../../api/bulletins'
import BulletinBody from '../../components/BulletinBody'
import BulletinImages from '../../components/BulletinImages'
import { AsyncContent } from '../../components/StatusBlock'
import { useAsync } from '../../hooks/useAsync'
import { useSubmit } from '../../hooks/useSubmit'
import { bulletinKindLabel, bulletinKindTagType, bulletinStatusLabel } from '../../lib/bulletin-labels'
import { formatDateTime } from '../../lib/labels'
import { ROUTES } from '../../lib/routes'
import FiguresPanel from './parts/FiguresPanel'
import PushPanel from './parts/PushPanel'
import ReviewPanel from './parts/ReviewPanel'
import WithdrawPanel from './parts/WithdrawPanel'
import '../bulletin.scss'

function Manage({ b, set, reload }: { b: BulletinDetail; set: (b: BulletinDetail) => void; reload: () => void }) {
  const submit = useSubmit()
  const doSubmit = async () => {
    const next = await submit.run(() => bulletinsApi.submit(b.id))
    if (next) set(next)
  }
  return (
    <View className='card' id='manage'>
      <View className='row'>
        <Tag type={bulletinKindTagType(b.kind)}>{bulletinKindLabel(b.kind, b.warningType)}</Tag>
        <Text className='muted' id='manage-status'>{` ${bulletinStatusLabel(b.status)} · 第${b.version}版`}</Text>
        {b.urgent && <Tag type='danger'>紧急</Tag>}
      </View>
      {b.reviewDueAt && <Text className='error-text' id='manage-review-due'>{`请在${formatDateTime(b.reviewDueAt)}前审核`}</Text>}
      {b.heldReason && <Text className='error-text' id='manage-held-reason'>{b.heldReason}</Text>}
      {b.secCheck && b.status === BulletinStatus.PendingReview && <Text className='muted' id='manage-sec-check'>{BULLETIN_SEC_CHECK_LABELS[b.secCheck]}</Text>}
      <Text className='card__title' id='manage-title'>{b.title}</Text>
      <Text className='muted'>{`${b.orgName} · ${b.authorName}`}</Text>
      {b.reviewComment && <Text className='error-text' id='manage-review-comment-shown'>{`审核意见：${b.reviewComment}`}</Text>}
      {b.status === BulletinStatus.Withdrawn && b.withdrawReason && <Text className='error-text' id='manage-withdraw-reason-shown'>{`撤回原因：${b.withdrawReason}`}</Text>}
      <BulletinBody blocks={b.body} id='manage-body' />
      <BulletinImages urls={b.imageUrls} id='manage-images' />
      {b.legalBasis && <Text className='muted'>{`法律依据：${b.legalBasis}`}</Text>}
      {b.can.edit && (
        <Button block className='block-button' id='manage-edit' fill='outline' type='primary' onClick={() => void Taro.navigateTo({ url: `${ROUTES.bulletinWrite}?id=${b.id}` })}>
          修改（生成新版本）
        </Button>
      )}
      {b.can.submit && (
        <>
          {submit.error && <Text className='error-text' id='manage-submit-error'>{submit.error}</Text>}
          <Button block className='block-button' id='manage-submit' type='primary' loading={submit.busy} disabled={submit.busy} onClick={() => void doSubmit()}>
            提交审核
          </Button>
        </>
      )}
      {b.can.review && <ReviewPanel b={b} onDone={set} />}
      {b.can.push && <PushPanel b={b} onDone={reload} />}
      {b.pushes.length > 0 && (
        <View className='bulletin-manage__section' id='manage-pushes'>
          <Text className='card__title'>{`已推送（${b.pushes.length}）`}</Text>
          {b.pushes.map((p) => (
            <Text key={`${p.groupId}`} className='list-item__meta'>{`${p.groupName} · ${formatDateTime(p.pushedAt)} · 第${p.version}版`}</Text>
          ))}
        </View>
      )}
      {b.pushes.length > 0 && <FiguresPanel id={b.id} />}
      {b.can.withdraw && <WithdrawPanel b={b} onDone={set} />}
    </View>
  )
}

/** One bulletin for its author, reviewer and the police who push it: submit, review, push, withdraw. */
export default function BulletinManagePage() {
  const id = Number(useRouter().params.id)
  const state = useAsync(() => bulletinsApi.detail(id), [id], { reloadOnShow: true })
  return (
    <View className='page'>
      <AsyncContent state={state} errorId='manage-error'>
        {(b) => <Manage b={b} set={state.set} reload={() => void state.reload()} />}
      </AsyncContent>
    </View>
  )
}
