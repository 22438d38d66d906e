import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'

import { errorMessage } from '../api'
import { platform } from '../platform'
import './RevealPhone.scss'

/**
 * 查看号码: a number is shown masked until the person asks for it; the server answers the full
 * number and records the read (member list, case page). Then it can be called. Ids end in `idKey`:
 * reveal-phone-, phone-of-, call-, reveal-error-.
 */
export default function RevealPhone({ idKey, reveal, notice }: {
  idKey: string | number
  reveal: () => Promise<string | null>
  /** Said beside the button, e.g. that the view is recorded. */
  notice?: string
}) {
  const [phone, setPhone] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')

  async function show() {
    setBusy(true)
    setError('')
    try {
      const revealed = await reveal()
      if (revealed) setPhone(revealed)
      else setError('上报人未登记号码')
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  if (phone) {
    return (
      <View className='reveal-phone'>
        <Text className='reveal-phone__number' id={`phone-of-${idKey}`} userSelect>
          {phone}
        </Text>
        <Button size='small' type='primary' id={`call-${idKey}`} onClick={() => void platform.makePhoneCall(phone)}>
          拨打
        </Button>
      </View>
    )
  }
  return (
    <View className='reveal-phone reveal-phone--hidden'>
      <Button size='small' fill='outline' type='primary' id={`reveal-phone-${idKey}`} loading={busy} disabled={busy} onClick={() => void show()}>
        查看号码
      </Button>
      {notice && <Text className='reveal-phone__notice' id={`reveal-notice-${idKey}`}>{notice}</Text>}
      {error && (
        <Text className='error-text' id={`reveal-error-${idKey}`}>
          {error}
        </Text>
      )}
    </View>
  )
}
