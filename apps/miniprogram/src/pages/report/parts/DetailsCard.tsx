import { Picker, Text, View } from '@tarojs/components'
import { Button, Input, TextArea } from '@nutui/nutui-react-taro'
import { CASE_DESCRIPTION_MAX, CASE_TITLE_MAX } from '@jws/contracts'

import Chips from '../../../components/Chips'
import PickerField from '../../../components/PickerField'
import { titlePlaceholder } from '../../../lib/report-check'
import { addressAsked, addressRequired, otherPartyAsked } from '../../../lib/report-draft'
import { platform } from '../../../platform'
import type { ReportFormState } from '../useReportForm'
import Field from './Field'

function todayString(): string {
  const d = new Date()
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

/** 情况说明: title, description, and what the kind asks (对方, 位置), the community and when it happened. */
export default function DetailsCard({ form }: { form: ReportFormState }) {
  const { draft, update, active, communityId, chooseLocation, fieldErrors } = form
  const kind = draft.kind
  return (
    <View className='card'>
      <Text className='card__title'>情况说明</Text>
      <Field label='标题' required error={fieldErrors.title} errorId='report-title-error'>
        <View className='report__input' id='report-title'>
          <Input
            value={draft.title}
            placeholder={titlePlaceholder(kind)}
            maxLength={CASE_TITLE_MAX}
            onChange={(value) => update({ title: value })}
          />
        </View>
        <Text className='report__counter'>
          {draft.title.length}/{CASE_TITLE_MAX}
        </Text>
      </Field>
      <Field label='详细描述' required error={fieldErrors.description} errorId='report-description-error'>
        <View className='report__input' id='report-description'>
          <TextArea
            value={draft.description}
            placeholder='发生了什么、涉及哪些人、目前情况如何'
            maxLength={CASE_DESCRIPTION_MAX}
            showCount
            autoSize
            onChange={(value) => update({ description: value })}
          />
        </View>
      </Field>
      {otherPartyAsked(kind) && (
        <Field label='对方是谁' hint='如：楼上 502 住户、某某商店。仅办理民警可见。'>
          <View className='report__input' id='report-other-party'>
            <Input value={draft.otherParty} placeholder='对方的称呼或住址' maxLength={100} onChange={(value) => update({ otherParty: value })} />
          </View>
        </Field>
      )}
      {addressAsked(kind) && (
        <Field label='具体位置' required={addressRequired(kind)} error={fieldErrors.address} errorId='report-address-error'>
          <View className='report__input' id='report-address'>
            <Input value={draft.addressText} placeholder='如：3 号楼 2 单元楼道' maxLength={100} onChange={(value) => update({ addressText: value })} />
          </View>
          {platform.chooseLocation && (
            <View className='report__location'>
              <Button id='report-location' size='small' fill='outline' type='primary' onClick={() => void chooseLocation()}>
                {draft.location ? '重新选择地图位置' : '在地图上选点'}
              </Button>
              {draft.location && (
                <View className='report__location-picked'>
                  <Text className='muted'>已选：{draft.location.name || '地图位置'}</Text>
                  <Text className='report__link' onClick={() => update({ location: null })}>
                    清除
                  </Text>
                </View>
              )}
            </View>
          )}
        </Field>
      )}
      {active && active.length > 0 && (
        <Field label='所在社区' required>
          {active.length === 1 ? (
            <Text className='report__value' id='report-community'>{active[0].communityName}</Text>
          ) : (
            <Chips
              id='report-community'
              options={active.map((m) => ({ value: m.communityId, label: m.communityName, id: `report-community-${m.communityId}` }))}
              value={communityId}
              onChange={(id) => update({ communityId: id })}
            />
          )}
        </Field>
      )}
      <Field label='发生时间' error={fieldErrors.occurred} errorId='report-occurred-error'>
        <View className='report__when' id='report-occurred'>
          <Picker mode='date' value={draft.occurredDate || todayString()} end={todayString()} onChange={(e) => update({ occurredDate: e.detail.value })}>
            <PickerField className='report__picker' id='report-occurred-date' text={draft.occurredDate} placeholder='选择日期' />
          </Picker>
          <Picker mode='time' value={draft.occurredTime || '12:00'} onChange={(e) => update({ occurredTime: e.detail.value })}>
            <PickerField className='report__picker' id='report-occurred-time' text={draft.occurredTime} placeholder='选择时间' />
          </Picker>
          {(draft.occurredDate || draft.occurredTime) && (
            <Text className='report__link' onClick={() => update({ occurredDate: '', occurredTime: '' })}>
              清除
            </Text>
          )}
        </View>
      </Field>
    </View>
  )
}
