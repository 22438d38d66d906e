import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { CaseDetail } from '@jws/contracts'

import { ANONYMITY_LABELS, contactPreferenceLabel } from '../../../lib/case-labels'
import { displayPhone, formatDateTime } from '../../../lib/labels'
import { caseUrl } from '../../../lib/routes'
import { platform } from '../../../platform'
import { Row } from './shared'

/**
 * 上报内容: the description and its facts (place, times, parties; the reporter for staff, whose
 * number is masked: `phoneReveal` is the handling officer's 查看号码 step).
 */
export default function Details({ c, staff, phoneReveal }: { c: CaseDetail; staff: boolean; phoneReveal?: ReactNode }) {
  return (
    <View className='card'>
      <Text className='card__title'>上报内容</Text>
      <Text className='case__description' id='case-description' userSelect>
        {c.description}
      </Text>
      <View className='case__rows'>
        <Row label='所在社区'>
          <Text>{c.communityName}</Text>
        </Row>
        {c.addressText && (
          <Row label='具体位置'>
            <Text id='case-address'>{c.addressText}</Text>
          </Row>
        )}
        {c.latitude !== null && c.longitude !== null && (
          <Row label='地图位置'>
            {platform.openLocation ? (
              <Text className='case__link' onClick={() => void platform.openLocation?.(c.latitude as number, c.longitude as number, c.addressText ?? c.title)}>
                查看地图
              </Text>
            ) : (
              <Text>
                {c.latitude.toFixed(5)}, {c.longitude.toFixed(5)}
              </Text>
            )}
          </Row>
        )}
        {c.occurredAt && (
          <Row label='发生时间'>
            <Text>{formatDateTime(c.occurredAt)}</Text>
          </Row>
        )}
        <Row label='上报时间'>
          <Text>{formatDateTime(c.createdAt)}</Text>
        </Row>
        {c.otherParty && (
          <Row label='对方'>
            <Text>{c.otherParty}</Text>
          </Row>
        )}
        {staff && (
          <Row label='上报人'>
            <Text id='case-reporter'>
              {c.reporterLabel}
              {c.reporterPhone ? ` · ${displayPhone(c.reporterPhone)}` : ''}
            </Text>
            {phoneReveal}
          </Row>
        )}
        <Row label='联系方式'>
          <Text>{contactPreferenceLabel(c.contactPreference)}</Text>
        </Row>
        <Row label='匿名'>
          <Text>{ANONYMITY_LABELS[c.anonymity] ?? c.anonymity}</Text>
        </Row>
        <Row label='责任民警'>
          <Text>{c.officerName ?? '待分派'}</Text>
        </Row>
        {c.duplicateOfId !== null && (
          <Row label='重复于'>
            <Text className='case__link' onClick={() => void Taro.navigateTo({ url: caseUrl(c.duplicateOfId as number) })}>
              查看原上报
            </Text>
          </Row>
        )}
        {c.rating !== null && (
          <Row label='评价'>
            <Text id='case-rating'>
              {'★'.repeat(c.rating)}
              {'☆'.repeat(Math.max(0, 5 - c.rating))}
              {c.ratingComment ? ` ${c.ratingComment}` : ''}
            </Text>
          </Row>
        )}
      </View>
    </View>
  )
}
