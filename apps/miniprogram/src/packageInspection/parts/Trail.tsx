import { Text, View } from '@tarojs/components'
import { DEADLINE_KIND_LABELS, type ResponseTrail, type TrailStep } from '@jws/contracts'

import { escalationLabel } from '../../lib/case-labels'
import { formatDateTime } from '../../lib/labels'

const STEP_LABELS: Record<TrailStep['kind'], string> = {
  escalated: '超时升级',
  notice: '通知',
  urge: '催办',
  reply: '办理',
  handover: '交接',
  inquiry: '核查',
}

/** Minutes as a reader counts a delay: 45分钟, 3小时20分钟, 2天5小时. */
export function lateText(minutes: number): string {
  if (minutes < 60) return `${minutes}分钟`
  const hours = Math.floor(minutes / 60)
  if (hours < 24) return `${hours}小时${minutes % 60 ? `${minutes % 60}分钟` : ''}`
  return `${Math.floor(hours / 24)}天${hours % 24 ? `${hours % 24}小时` : ''}`
}

function stepLine(s: TrailStep): string {
  if (s.kind === 'notice') return `${s.who ?? ''}收到通知「${s.text}」${s.readAt ? `，${formatDateTime(s.readAt)}已读` : '，未读'}`
  // A 催办's or a 核查's note already names its author.
  if (!s.who || s.text.startsWith(s.who)) return s.text
  return `${s.who}：${s.text}`
}

/** A case's response-time trail: every deadline, then each step oldest first (who was told, 催办, replies). */
export default function Trail({ trail, idPrefix }: { trail: ResponseTrail; idPrefix: string }) {
  return (
    <View className='trail' id={`${idPrefix}-trail`}>
      {trail.deadlines.map((d) => (
        <Text key={d.kind} className='trail__deadline' id={`${idPrefix}-deadline-${d.kind}`}>
          {DEADLINE_KIND_LABELS[d.kind]}时限 {formatDateTime(d.dueAt)}
          {d.metAt ? `，${formatDateTime(d.metAt)}完成` : '，尚未完成'}
          {d.lateMinutes > 0 ? `，超时${lateText(d.lateMinutes)}` : d.metAt ? '，按时' : ''}
          {d.escalation >= 2 ? `（${escalationLabel(d.escalation)}）` : ''}
        </Text>
      ))}
      {trail.steps.length === 0 && <Text className='muted'>暂无通知、催办或办理记录</Text>}
      {trail.steps.map((s, i) => (
        <View key={`${s.at}-${i}`} className={`trail__step trail__step--${s.kind}`} id={`${idPrefix}-step-${i}`}>
          <Text className='trail__time'>{formatDateTime(s.at)}</Text>
          <Text className='trail__kind'>{STEP_LABELS[s.kind]}</Text>
          <Text className='trail__text'>{stepLine(s)}</Text>
        </View>
      ))}
    </View>
  )
}
