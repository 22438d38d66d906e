import { Text, View } from '@tarojs/components'
import type { MembershipView, UserView } from '@jws/contracts'

import PhotoPicker from '../../components/PhotoPicker'
import ContactCard from './parts/ContactCard'
import DetailsCard from './parts/DetailsCard'
import KindCard from './parts/KindCard'
import SubmitCard from './parts/SubmitCard'
import { useReportForm } from './useReportForm'

/** The 上报 form. Keeps its draft (and the draft's Idempotency-Key) in storage until it is sent. */
export default function ReportForm({ user, communities }: { user: UserView; communities: MembershipView[] | null }) {
  const form = useReportForm(user, communities)
  const busy = form.status.kind === 'sending'
  return (
    <>
      <KindCard form={form} user={user} />
      <DetailsCard form={form} />
      <View className='card'>
        <Text className='card__title'>图片（选填，最多 9 张）</Text>
        <PhotoPicker idPrefix='report' photos={form.photos} onChange={form.setPhotos} disabled={busy} />
      </View>
      <ContactCard form={form} user={user} />
      <SubmitCard form={form} />
    </>
  )
}
