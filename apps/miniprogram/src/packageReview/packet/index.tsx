import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import {
  CASE_STATUS_LABELS, FIGURE_COUNTER_LABELS, FIGURE_COUNTERS, FIGURE_RATE_LABELS, FIGURE_RATES, formatRate, REVIEW_UNIT_LABELS, type ReviewPacket,
} from '@jws/contracts'

import { api } from '../../api'
import { AsyncContent } from '../../components/StatusBlock'
import { useAsync } from '../../hooks/useAsync'
import { useSubmit } from '../../hooks/useSubmit'
import { chinaClock, chinaDate } from '../../lib/china-time'
import '../review.scss'

/** A heading and its lines, or 无 when the list is empty. */
function Section({ id, title, lines }: { id: string; title: string; lines: string[] }) {
  return (
    <View id={id}>
      <Text className='packet__heading'>{`${title}（${lines.length}）`}</Text>
      {lines.length ? lines.map((l, i) => <Text key={i} className='packet__line' userSelect>{l}</Text>) : <Text className='packet__line'>无</Text>}
    </View>
  )
}

const percent = (members: number, readers: number) => (members ? `${Math.round((readers / members) * 1000) / 10}%` : '—')

/** 研判材料 laid out as a document to read or print: the period's figures, then each list the review goes through. */
function PacketDocument({ p }: { p: ReviewPacket }) {
  return (
    <View className='packet' id='packet-document'>
      <Text className='packet__title' id='packet-title'>{`${p.node.name}${REVIEW_UNIT_LABELS[p.unit]}研判材料`}</Text>
      <Text className='packet__meta'>{`${p.period.from} 至 ${p.period.to} · 生成于 ${chinaDate(p.preparedAt)} ${chinaClock(p.preparedAt)}`}</Text>
      <Text className='packet__heading'>一、工作量与三率</Text>
      <View className='packet__grid' id='packet-counters'>
        {FIGURE_COUNTERS.map((c) => (
          <Text key={c} className='packet__line'>{`${FIGURE_COUNTER_LABELS[c]} ${p.figures.unavailable.includes(c) ? '未接入' : p.figures.counters[c]}`}</Text>
        ))}
        {FIGURE_RATES.map((r) => (
          <Text key={r} className='packet__line'>{`${FIGURE_RATE_LABELS[r]} ${formatRate(p.figures.rates[r])}（${p.figures.rates[r].numerator}/${p.figures.rates[r].denominator}）`}</Text>
        ))}
      </View>
      <Section id='packet-overdue' title='二、逾期督办' lines={p.overdue.map((c) => `${c.number} ${c.title} · ${c.communityName} · 责任民警 ${c.officerName ?? '未指派'}`)} />
      <Section id='packet-pile-ups' title='三、转办积压' lines={p.referralPileUps.map((a) => `${a.categoryLabel} · ${a.branchName} · ${a.count}件（阈值${a.threshold}）`)} />
      <Section id='packet-disputes' title='四、在办矛盾纠纷' lines={p.openDisputes.map((c) => `${c.number} ${c.title} · ${c.communityName} · ${CASE_STATUS_LABELS[c.status]}`)} />
      <Section id='packet-outcomes' title='五、化解结果' lines={p.mediationOutcomes.map((r) => `${r.number ?? r.id} ${r.title} · ${r.communityName}`)} />
      <Section id='packet-risks' title='六、重大风险' lines={p.seriousRisks.map((c) => `${c.number} ${c.title} · ${c.communityName}`)} />
      <Section id='packet-rumours' title='七、辟谣' lines={p.rumours.map((b) => `${b.title} · ${b.groups}个群 · 阅读率 ${percent(b.members, b.readers)}`)} />
      <Section id='packet-reads' title='八、公告阅读' lines={p.bulletinReads.map((b) => `${b.title} · 覆盖${b.members}人 · 已读${b.readers}人 · ${percent(b.members, b.readers)}`)} />
      <Text className='packet__heading' id='packet-joins'>{`九、待审核入群申请：${p.pendingJoinRequests}`}</Text>
      <Section id='packet-follow-ups' title='十、未办结督办事项' lines={p.openFollowUps.map((f) => `${f.content} · ${f.ownerName} · 期限${f.deadline}${f.overdue ? '（已逾期）' : ''}`)} />
    </View>
  )
}

/** 研判材料 of one period (`?from=&orgId=`): printable in the h5 build, and as .xlsx. */
export default function PacketPage() {
  const params = useRouter().params
  const from = params.from ?? ''
  const orgId = Number(params.orgId) || undefined
  const state = useAsync(() => api.reviewPacket(from, orgId), [from, orgId])
  const download = useSubmit()
  return (
    <View className='page'>
      <AsyncContent state={state} errorId='packet-error'>
        {(p) => (
          <>
            <PacketDocument p={p} />
            <View className='packet__tools'>
              {process.env.TARO_ENV === 'h5' && (
                <Button block className='block-button' id='packet-print' type='primary' onClick={() => window.print()}>打印研判材料</Button>
              )}
              <Button
                block className='block-button' id='packet-download' type='primary' fill='outline' loading={download.busy} disabled={download.busy}
                onClick={() => void download.run(() => api.openReviewPacket(p.period.from, p.node.id, `${p.node.name}-研判材料-${p.period.from}-${p.period.to}.xlsx`))}
              >
                导出Excel
              </Button>
              {download.error && <Text className='error-text' id='packet-download-error'>{download.error}</Text>}
            </View>
          </>
        )}
      </AsyncContent>
    </View>
  )
}
