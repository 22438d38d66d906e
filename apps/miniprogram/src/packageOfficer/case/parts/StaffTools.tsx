import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { Permission, type CaseDetail, type UnsealView, type UserView } from '@jws/contracts'

import { api } from '../../../api'
import { useSubmit } from '../../../hooks/useSubmit'
import { userCan } from '../../../session/store'
import ReasonStep from './ReasonStep'
import { ErrorLine, useCaseCall, type OnUpdated } from '../../../pages/case/parts/shared'

/** The unsealed identity, shown once over the page; the server has audited the read. */
function IdentityDialog({ identity, onClose }: { identity: UnsealView; onClose: () => void }) {
  return (
    <View className='case__dialog-mask'>
      <View className='case__dialog' id='case-unseal-result'>
        <Text className='card__title'>信息员身份</Text>
        <Text className='case__dialog-line'>姓名：{identity.reporterName}</Text>
        <Text className='case__dialog-line'>电话：{identity.reporterPhone ?? '未登记'}</Text>
        <Text className='muted'>本次查看已记录。请严格保密，不得向他人透露。</Text>
        <Button block className='block-button' id='case-unseal-close' type='primary' onClick={onClose}>
          关闭
        </Button>
      </View>
    </View>
  )
}

/** 其他处置 (staff): 审核通过 of held content, the 严重现实危险 flag, and unsealing an informant (leaders). */
export default function StaffTools({ c, user, onUpdated }: { c: CaseDetail; user: UserView | null; onUpdated: OnUpdated }) {
  const risk = useCaseCall(onUpdated)
  const review = useCaseCall(onUpdated)
  const unsealing = useSubmit()
  const [identity, setIdentity] = useState<UnsealView | null>(null)

  const canFlag = c.canFlagSeriousRisk && !c.seriousRisk
  const canClear = c.heldForReview && userCan(user, Permission.CaseHandle)
  if (!canFlag && !canClear && !c.canUnseal) return null

  async function flag(note: string) {
    if (!note) {
      risk.setError('请说明危险情况')
      return false
    }
    return risk.run(() => api.flagSeriousRisk(c.id, note), '已标记并上报')
  }

  async function unseal(reason: string) {
    if (!reason) {
      unsealing.setError('请填写查看理由')
      return false
    }
    const seen = await unsealing.run(() => api.unseal(c.id, reason))
    if (seen) setIdentity(seen)
    return seen !== null
  }

  return (
    <View className='card' id='case-staff-tools'>
      <Text className='card__title'>其他处置</Text>
      {canClear && (
        <View className='case__step'>
          <Text className='muted'>该上报内容未通过自动安全检查，已暂缓推送。请人工核对后放行。</Text>
          <ErrorLine id='case-review-clear-error' message={review.error} />
          <Button
            block className='block-button' id='case-review-clear' type='primary' loading={review.busy} disabled={review.busy}
            onClick={() => void review.run(() => api.clearReview(c.id), '已审核通过')}
          >
            审核通过
          </Button>
        </View>
      )}
      {canFlag && (
        <ReasonStep
          id='case-serious-risk'
          label='标记严重现实危险'
          title='标记后将立即报告派出所领导和政法委、综治中心'
          placeholder='请说明危险的人员或事项（必填）'
          danger
          busy={risk.busy}
          error={risk.error}
          onOpen={() => risk.setError('')}
          onSubmit={flag}
        />
      )}
      {c.canUnseal && (
        <ReasonStep
          id='case-unseal'
          label='查看信息员身份'
          title='查看保密身份将被记录审计，请写明理由'
          placeholder='查看理由（必填）'
          busy={unsealing.busy}
          error={unsealing.error}
          onOpen={() => unsealing.setError('')}
          onSubmit={unseal}
        />
      )}
      {identity && <IdentityDialog identity={identity} onClose={() => setIdentity(null)} />}
    </View>
  )
}
