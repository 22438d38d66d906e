import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { CaseDetail } from '@jws/contracts'

import UrgeForm from '../../../components/UrgeForm'
import { escalationLabel } from '../../../lib/case-labels'
import type { OnUpdated } from '../../../pages/case/parts/shared'

/** 催办 for leaders: an instruction to the responsible officer (the server allows one per case every 10 minutes). */
export default function UrgeCard({ c, onUpdated }: { c: CaseDetail; onUpdated: OnUpdated }) {
  const [open, setOpen] = useState(false)
  return (
    <View className='card' id='case-urge-card'>
      <Text className='card__title'>督办催办</Text>
      <Text className='muted'>
        {c.escalation > 0 ? `该上报已升级为${escalationLabel(c.escalation)}。` : ''}
        {c.officerName ? `向责任民警${c.officerName}发出催办要求，民警立即收到消息。` : '社区暂无责任民警，催办将通知派出所领导安排。'}
      </Text>
      {open ? (
        <UrgeForm
          caseId={c.id}
          idPrefix='case-urge'
          onCancel={() => setOpen(false)}
          onDone={(detail) => {
            setOpen(false)
            onUpdated(detail)
          }}
        />
      ) : (
        <Button block className='block-button' id='case-urge' type='primary' fill='outline' onClick={() => setOpen(true)}>
          催办
        </Button>
      )}
    </View>
  )
}
