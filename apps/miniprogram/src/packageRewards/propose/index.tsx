import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Input } from '@nutui/nutui-react-taro'
import { REWARD_DEED_MAX, REWARD_FORMS, REWARD_KIND_LABELS, REWARD_KINDS, REWARD_MAX_YUAN, rewardAmountProblem, type RewardKind } from '@jws/contracts'
import { useState } from 'react'

import { api } from '../../api'
import Chips from '../../components/Chips'
import NoteInput from '../../components/NoteInput'
import { useSubmit } from '../../hooks/useSubmit'
import { ROUTES } from '../../lib/routes'
import BulletinDeed, { type BulletinDeedChoice } from './BulletinDeed'
import '../rewards.scss'

/** 发起一事一奖: for the reporter of a case (`?caseId=`); the station leader approves it (one reward per deed). */
export default function ProposeRewardPage() {
  const { params } = useRouter()
  const caseId = Number(params.caseId) || undefined
  const [deedOf, setDeedOf] = useState<BulletinDeedChoice>({ bulletinId: null, residentId: null })
  const [kind, setKind] = useState<RewardKind>('spiritual')
  const [form, setForm] = useState<string>(REWARD_FORMS.spiritual[0])
  const [amount, setAmount] = useState('')
  const [deed, setDeed] = useState('')
  const { busy, error, setError, run } = useSubmit()

  const chooseKind = (k: RewardKind) => {
    setKind(k)
    setForm(REWARD_FORMS[k][0])
  }

  async function submit() {
    const amountYuan = kind === 'material' ? Number(amount) : undefined
    const problem = rewardAmountProblem(kind, amount.trim() === '' ? undefined : amountYuan)
    if (problem) return setError(problem)
    if (!caseId && (!deedOf.bulletinId || !deedOf.residentId)) return setError('请选择正气公告和受表扬的居民')
    if (!deed.trim()) return setError('请写明居民的事迹')
    const on = caseId ? { caseId } : { bulletinId: deedOf.bulletinId ?? undefined, residentId: deedOf.residentId ?? undefined }
    const made = await run(() => api.proposeReward({ ...on, kind, form, amountYuan, deed: deed.trim() }))
    if (!made) return
    await Taro.showToast({ title: '已提交，等待所领导审批', icon: 'none' })
    void Taro.redirectTo({ url: ROUTES.rewards })
  }

  return (
    <View className='page'>
      <View className='card'>
        <Text className='card__title'>一事一奖</Text>
        <Text className='muted'>
          {caseId ? '为上报人的这件事发起奖励' : '为正气公告中表扬的居民发起奖励（上报人的奖励请从上报详情页发起）'}，由派出所领导审批；同一件事只能奖励一次。
        </Text>
        {!caseId && <BulletinDeed value={deedOf} onChange={setDeedOf} />}
      </View>
      <View className='card'>
        <Text className='muted'>奖励类别</Text>
        <Chips id='reward-kind' options={REWARD_KINDS.map((k) => ({ value: k, label: REWARD_KIND_LABELS[k], id: `reward-kind-${k}` }))} value={kind} onChange={chooseKind} />
        <Text className='muted'>奖励形式</Text>
        <Chips id='reward-form' options={REWARD_FORMS[kind].map((f) => ({ value: f, label: f, id: `reward-form-${f}` }))} value={form} onChange={setForm} />
        {kind === 'material' && (
          <>
            <Text className='muted'>{`金额（元，最多${REWARD_MAX_YUAN}元）`}</Text>
            <View id='reward-amount'>
              <Input type='digit' value={amount} placeholder='如：200' maxLength={8} onChange={setAmount} />
            </View>
          </>
        )}
        <Text className='muted'>事迹</Text>
        <NoteInput id='reward-deed' value={deed} onChange={setDeed} placeholder='如：及时上报楼道电线老化隐患，避免了一起火灾' maxLength={REWARD_DEED_MAX} />
        {error && <Text className='error-text' id='reward-error'>{error}</Text>}
        <Button block className='block-button' id='reward-submit' type='primary' loading={busy} disabled={busy} onClick={() => void submit()}>提交审批</Button>
      </View>
    </View>
  )
}
