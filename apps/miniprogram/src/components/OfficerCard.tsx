import { Image, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { OfficerCard as Officer } from '@jws/contracts'

import { platform } from '../platform'
import './OfficerCard.scss'

interface Props {
  officer: Officer | null
  communityName: string
  /** The first card on a page carries the documented element ids used by tests. */
  primary?: boolean
}

/** 我的社区民警: who the resident's officer is and a way to call them. */
export default function OfficerCard({ officer, communityName, primary = false }: Props) {
  const id = (name: string) => (primary ? name : undefined)

  return (
    <View className='card officer-card' id={id('officer-card')}>
      <Text className='card__title'>我的社区民警</Text>
      {officer ? (
        <View className='officer-card__body'>
          {officer.photoUrl ? (
            <Image className='officer-card__avatar' src={officer.photoUrl} mode='aspectFill' ariaLabel={`${officer.name}的照片`} />
          ) : (
            <View className='officer-card__avatar officer-card__avatar--placeholder' ariaLabel='民警头像'>
              <Text>{officer.name.slice(0, 1)}</Text>
            </View>
          )}
          <View className='officer-card__info'>
            <Text className='officer-card__name' id={id('officer-name')}>{officer.name}</Text>
            {officer.honour && <Text className='officer-card__honour' id={id('officer-honour')}>{officer.honour}</Text>}
            <Text className='officer-card__meta' id={id('officer-station')}>{officer.stationName}</Text>
            <Text className='officer-card__meta' id={id('officer-community')}>{communityName}</Text>
          </View>
        </View>
      ) : (
        <View>
          <Text className='officer-card__meta' id={id('officer-community')}>{communityName}</Text>
          <Text className='muted'>该社区暂未指定民警，请稍后再看</Text>
        </View>
      )}
      {officer && (
        <Button
          block className='block-button'
          id={id('officer-call')}
          type='primary'
          disabled={!officer.phone}
          onClick={() => officer.phone && void platform.makePhoneCall(officer.phone)}
        >
          {officer.phone ? '拨打电话' : '暂无联系电话'}
        </Button>
      )}
    </View>
  )
}
