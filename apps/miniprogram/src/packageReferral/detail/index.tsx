import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, TextArea } from '@nutui/nutui-react-taro'
import { REFERRAL_STATUS_LABELS, ReferralTargetKind, type ReferralView } from '@jws/contracts'

import { api } from '../../api'
import { AsyncContent } from '../../components/StatusBlock'
import { useAsync } from '../../hooks/useAsync'
import { useSubmit } from '../../hooks/useSubmit'
import { formatDateTime } from '../../lib/labels'
import { platform } from '../../platform'
import '../referral.scss'

function Facts({ r }: { r: ReferralView }) {
  const fact = (label: string, value: string | null) => (value ? <Text className='referral__fact'>{`${label}：${value}`}</Text> : null)
  return (
    <View className='card' id='referral-facts'>
      <Text className='card__title'>{r.caseTitle}</Text>
      {fact('编号', r.caseNumber)}
      {fact('社区', r.communityName)}
      {fact('情况', r.caseDescription)}
      {fact('转办给', r.target.name)}
      {fact('转办理由', r.reason)}
      <View id='referral-status'>{fact('状态', REFERRAL_STATUS_LABELS[r.status])}</View>
      {fact('12345工单号', r.externalOrderNumber)}
      {fact('签收期限', formatDateTime(r.receiptDueAt))}
      {fact('回复期限', formatDateTime(r.replyDueAt))}
      {fact('签收', r.signedAt ? `${r.signedByName ?? ''} ${formatDateTime(r.signedAt)}` : null)}
      {fact('回复', r.replyOutcome)}
      {fact('回复凭证', r.replyEvidence)}
      {fact('站内联系人', r.contactName)}
      {r.contactPhone && (
        <Button className='link-button' id='referral-call-contact' fill='none' onClick={() => void platform.makePhoneCall(r.contactPhone as string)}>
          联系民警 {r.contactPhone}
        </Button>
      )}
    </View>
  )
}

/** One referral: the department signs and answers; the officer records an external reply with evidence. */
export default function ReferralDetailPage() {
  const router = useRouter()
  const id = Number(router.params.id)
  const state = useAsync(() => api.referral(id), [id])
  const [outcome, setOutcome] = useState('')
  const [evidence, setEvidence] = useState('')
  const submit = useSubmit()
  const { busy, error } = submit

  async function run(call: () => Promise<ReferralView>, done: string) {
    const updated = await submit.run(call)
    if (!updated) return
    state.set(updated)
    void Taro.showToast({ title: done, icon: 'success' })
  }

  return (
    <View className='page'>
      <AsyncContent state={state} errorId='referral-error-load'>
        {(r) => {
          const external = r.target.kind !== ReferralTargetKind.PoliceDepartment
          return (
            <>
              <Facts r={r} />
              {r.canSign && (
                <View className='card'>
                  <Button block className='block-button' id='referral-sign' type='primary' loading={busy} disabled={busy} onClick={() => void run(() => api.signReferral(r.id), '已签收')}>
                    签收
                  </Button>
                </View>
              )}
              {r.canReply && (
                <View className='card' id='referral-reply'>
                  <Text className='card__title'>{external ? '登记外部回复' : '回复办理结果'}</Text>
                  <View className='referral__input' id='referral-outcome'>
                    <TextArea value={outcome} placeholder='办理结果' maxLength={1000} autoSize onChange={setOutcome} />
                  </View>
                  {external && (
                    <>
                      <Text className='referral__label'>回复凭证（必填，如回复函、通话记录）</Text>
                      <View className='referral__input' id='referral-evidence'>
                        <TextArea value={evidence} placeholder='例如：城管局12月3日电话回复，经办人张工' maxLength={1000} autoSize onChange={setEvidence} />
                      </View>
                    </>
                  )}
                  <Button
                    block className='block-button' id='referral-reply-submit' type='primary' loading={busy} disabled={busy || !outcome.trim()}
                    onClick={() => void run(() => api.replyReferral(r.id, { outcome: outcome.trim(), evidence: evidence.trim() || undefined }), '已回复')}
                  >
                    提交回复
                  </Button>
                </View>
              )}
              {error && <Text className='error-text' id='referral-error'>{error}</Text>}
            </>
          )
        }}
      </AsyncContent>
    </View>
  )
}
