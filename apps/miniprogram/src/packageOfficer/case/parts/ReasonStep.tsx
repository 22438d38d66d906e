import { useState, type ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'

import NoteInput from '../../../components/NoteInput'
import { ErrorLine } from '../../../pages/case/parts/shared'

/** A button that opens a required-text step (serious-risk flag, unseal). */
export default function ReasonStep({ id, label, title, placeholder, danger, busy, error, onSubmit, onOpen, children }: {
  id: string
  label: string
  title: string
  placeholder: string
  danger?: boolean
  busy: boolean
  error: string
  onSubmit: (text: string) => Promise<boolean>
  onOpen: () => void
  children?: ReactNode
}) {
  const [open, setOpen] = useState(false)
  const [text, setText] = useState('')
  if (!open) {
    return (
      <View className='case__step'>
        <Button
          block className='block-button' id={id} type={danger ? 'danger' : 'primary'} fill='outline'
          onClick={() => {
            onOpen()
            setOpen(true)
          }}
        >
          {label}
        </Button>
      </View>
    )
  }
  return (
    <View className='case__step'>
      <View className='case__panel'>
        <Text className='case__panel-title'>{title}</Text>
        {children}
        <NoteInput id={`${id}-note`} value={text} onChange={setText} placeholder={placeholder} />
        <ErrorLine id={`${id}-error`} message={error} />
        <View className='case__panel-buttons'>
          <Button fill='outline' disabled={busy} onClick={() => setOpen(false)}>
            取消
          </Button>
          <Button
            id={`${id}-submit`} type={danger ? 'danger' : 'primary'} loading={busy} disabled={busy}
            onClick={() => void onSubmit(text.trim()).then((ok) => {
              if (ok) {
                setOpen(false)
                setText('')
              }
            })}
          >
            确认
          </Button>
        </View>
      </View>
    </View>
  )
}
