import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { agreementStatusLabel, RoomStatus, type AgreementDocumentView } from '@jws/contracts'

import { api } from '../../api'
import { AsyncContent } from '../../components/StatusBlock'
import { useAsync } from '../../hooks/useAsync'
import { chinaClock, chinaDate } from '../../lib/china-time'
import './index.scss'

/** The browser's print dialog in the h5 build; the mini program shows the document to read (no printer there). */
function print() {
  if (process.env.TARO_ENV === 'h5') window.print()
}

/** China time, as the document is dated where it was made: 2026-12-08 02:37. */
const chinaDateTime = (iso: string) => `${chinaDate(iso)} ${chinaClock(iso)}`

/** A numbered section: each paragraph indented as in a printed agreement. */
function Section({ title, paragraphs, id }: { title: string; paragraphs: string[]; id?: string }) {
  return (
    <View className='agreement__section' id={id}>
      <Text className='agreement__heading'>{title}</Text>
      {paragraphs.flatMap((p) => p.split('\n')).map((p, i) => (
        <Text key={i} className='agreement__text' userSelect>{p}</Text>
      ))}
    </View>
  )
}

/** 人民调解协议书 laid out as the formal document: parties, matter, terms, 履行期限, confirmations, mediator, station. */
function AgreementDocument({ doc }: { doc: AgreementDocumentView }) {
  const a = doc.agreement
  const place = doc.station ? [doc.station.name, doc.communityName].filter(Boolean).join(' · ') : doc.communityName ?? ''
  return (
    <View className='agreement' id='agreement-document'>
      <Text className='agreement__title'>人民调解协议书</Text>
      <Text className='agreement__number' id='agreement-doc-number'>编号：{doc.caseNumber}（第{a.version}版）</Text>
      <Section title='一、当事人' id='agreement-doc-parties' paragraphs={[a.parties]} />
      <Section title='二、纠纷事项' id='agreement-doc-facts' paragraphs={[doc.title, a.facts]} />
      <Section title='三、协议内容' id='agreement-doc-terms' paragraphs={[a.terms]} />
      <Section title='四、履行期限' id='agreement-doc-due' paragraphs={[`${chinaDate(a.performanceDueAt)}前履行完毕。`]} />
      <View className='agreement__section'>
        <Text className='agreement__heading'>五、当事人确认</Text>
        <View id='agreement-doc-confirmations'>
          {a.confirmations.map((c) => (
            <View key={c.memberId} className='agreement__sign'>
              <Text className='agreement__sign-name'>{c.displayName}</Text>
              <Text className='agreement__sign-at'>{c.confirmedAt ? `已确认 ${chinaDateTime(c.confirmedAt)}` : '未确认'}</Text>
            </View>
          ))}
        </View>
      </View>
      <View className='agreement__footer'>
        <Text className='agreement__footer-line' id='agreement-doc-mediator'>调解员：{doc.mediators.join('、') || '—'}</Text>
        <Text className='agreement__footer-line' id='agreement-doc-station'>调解单位：{place || '—'}</Text>
        {doc.station?.address && <Text className='agreement__footer-line'>地址：{doc.station.address}</Text>}
        {doc.station?.phone && <Text className='agreement__footer-line'>电话：{doc.station.phone}</Text>}
        <Text className='agreement__footer-line'>订立日期：{chinaDate(a.createdAt)}</Text>
      </View>
      <Text className={a.confirmed ? 'agreement__status agreement__status--done' : 'agreement__status'} id='agreement-doc-status'>
        {a.confirmed ? '各方当事人均已确认，本协议生效。' : `${agreementStatusLabel(false, RoomStatus.Open)}：本协议尚未生效。`}
      </Text>
    </View>
  )
}

/** 调解协议书 of one room (`?roomId=`): read by the room's members and the police over it; printable in the h5 build. */
export default function AgreementPage() {
  const roomId = Number(useRouter().params.roomId)
  const state = useAsync(() => api.agreementDocument(roomId), [roomId])
  return (
    <View className='page agreement-page'>
      <AsyncContent state={state} errorId='agreement-doc-error'>
        {(doc) => (
          <>
            <AgreementDocument doc={doc} />
            {process.env.TARO_ENV === 'h5' && (
              <View className='agreement__print'>
                <Button block className='block-button' id='agreement-print' type='primary' onClick={print}>
                  打印协议书
                </Button>
              </View>
            )}
          </>
        )}
      </AsyncContent>
    </View>
  )
}
