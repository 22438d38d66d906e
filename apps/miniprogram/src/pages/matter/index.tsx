import { useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, TextArea } from '@nutui/nutui-react-taro'
import {
  CASE_KIND_LABELS, Permission, ROUTE_TYPE_LABELS, RouteType, type EmergencyAdvice, type ServiceMatterView, type ServiceRoute, type StationContact,
} from '@jws/contracts'

import { api } from '../../api'
import Chips from '../../components/Chips'
import { AsyncContent } from '../../components/StatusBlock'
import { useAsync } from '../../hooks/useAsync'
import { useSignedInUser } from '../../hooks/useSignedInUser'
import { useSubmit } from '../../hooks/useSubmit'
import { prefillReport } from '../../lib/report-prefill'
import { caseUrl, ROUTES } from '../../lib/routes'
import { uuid4 } from '../../lib/uuid'
import { platform } from '../../platform'
import { userCan } from '../../session/store'
import './index.scss'

/** 皖事通: open the mini program where one is configured and the platform can; else steps and a link to copy. */
function WanshitongButtons({ route }: { route: ServiceRoute }) {
  const [fallback, setFallback] = useState(false)
  const mini = route.miniProgram
  return (
    <>
      {mini && !fallback && (
        <Button
          block className='block-button' id='route-open-wanshitong' type='primary'
          onClick={() => void platform.openMiniProgram(mini.appId, mini.path).then((ok) => setFallback(!ok))}
        >
          打开皖事通办理
        </Button>
      )}
      {route.link && (!mini || fallback) && (
        <View className='matter__link' id='route-link'>
          <Text className='muted' userSelect>{route.link}</Text>
          <Button className='link-button' id='route-copy-link' fill='none' onClick={() => void platform.copyText(route.link as string)}>
            复制链接
          </Button>
        </View>
      )}
    </>
  )
}

/** 警务室上报: this product's own 上报 form, opened with the matter's kind and subcategory chosen. */
function ReportButton({ route }: { route: ServiceRoute }) {
  const prefill = route.report
  if (!prefill) return null
  return (
    <Button
      block className='block-button' id='route-report-open' type='primary'
      onClick={() => {
        prefillReport(prefill)
        void Taro.switchTab({ url: ROUTES.report })
      }}
    >
      {`上报${CASE_KIND_LABELS[prefill.kind]}`}
    </Button>
  )
}

/** Under a 派出所 route: the resident's own station, or how to see it. */
function OwnStation({ station, signedIn }: { station: StationContact | null; signedIn: boolean }) {
  if (!station) {
    return <Text className='matter__fact' id='route-own-station-hint'>{signedIn ? '加入社区后，这里会显示您所在派出所的地址和电话。' : '登录并加入社区后，这里会显示您所在派出所的地址和电话。'}</Text>
  }
  return (
    <View className='matter__station' id='route-own-station'>
      <Text className='matter__station-name'>{`您所在的派出所：${station.name}`}</Text>
      {station.address && <Text className='matter__fact'>地址：{station.address}</Text>}
      {station.phone && (
        <Button block className='block-button' id='route-call-own-station' fill='outline' type='primary' onClick={() => void platform.makePhoneCall(station.phone as string)}>
          拨打 {station.phone}
        </Button>
      )}
    </View>
  )
}

/** When to call 110 (119, 122) at once instead of following the routes. */
function EmergencyCard({ emergency }: { emergency: EmergencyAdvice }) {
  return (
    <View className='card matter__emergency' id='matter-emergency'>
      <Text className='matter__emergency-title'>紧急情况请直接报警</Text>
      <Text className='matter__emergency-text'>{emergency.when}</Text>
      <Button block className='block-button' id='matter-call-emergency' type='danger' onClick={() => void platform.makePhoneCall(emergency.phone)}>
        {`拨打 ${emergency.phone}`}
      </Button>
    </View>
  )
}

function RouteCard({ route, station, signedIn }: { route: ServiceRoute; station: StationContact | null; signedIn: boolean }) {
  return (
    <View className='card matter__route' id={`route-${route.type}`}>
      <Text className='matter__route-type'>{ROUTE_TYPE_LABELS[route.type]}</Text>
      <Text className='card__title'>{route.title}</Text>
      {route.steps.map((step, i) => (
        <Text key={i} className='matter__step'>{`${i + 1}. ${step}`}</Text>
      ))}
      {route.type === RouteType.Report && <ReportButton route={route} />}
      {route.type === RouteType.Station && <OwnStation station={station} signedIn={signedIn} />}
      {route.address && <Text className='matter__fact'>地点：{route.address}</Text>}
      {route.hours && <Text className='matter__fact'>时间：{route.hours}</Text>}
      {route.materials && route.materials.length > 0 && <Text className='matter__fact'>材料：{route.materials.join('、')}</Text>}
      {route.type === RouteType.WanShiTong && <WanshitongButtons route={route} />}
      {route.phone && (
        <Button block className='block-button' id={`route-call-${route.type}`} fill='outline' type='primary' onClick={() => void platform.makePhoneCall(route.phone as string)}>
          拨打 {route.phone}
        </Button>
      )}
    </View>
  )
}

/** 请民警协助: a resident who cannot do it alone gets a service case with this matter and route. */
function AssistCard({ matter }: { matter: ServiceMatterView }) {
  const { user } = useSignedInUser()
  const key = useRef(uuid4())
  const [note, setNote] = useState('')
  const [routeType, setRouteType] = useState<RouteType>(matter.routes[0].type)
  const { busy, error, setError, run } = useSubmit()
  if (user && !userCan(user, Permission.CaseReport)) return null

  async function submit() {
    if (!note.trim()) return setError('请说明哪里需要民警帮忙')
    const created = await run(() => api.askPoliceHelp(matter.code, { routeType, note: note.trim() }, key.current))
    if (!created) return
    void Taro.showToast({ title: '已通知社区民警', icon: 'success' })
    void Taro.redirectTo({ url: caseUrl(created.id) })
  }

  return (
    <View className='card' id='assist-card'>
      <Text className='card__title'>自己办不了？请民警协助</Text>
      <Text className='muted'>社区民警会联系您，可以网上帮办、窗口陪办或上门服务。</Text>
      <View className='matter__chips'>
        <Chips
          id='assist-route'
          options={matter.routes.map((r) => ({ value: r.type, label: ROUTE_TYPE_LABELS[r.type], id: `assist-route-${r.type}` }))}
          value={routeType}
          onChange={setRouteType}
        />
      </View>
      <View className='matter__input' id='assist-note'>
        <TextArea value={note} placeholder='哪里需要帮忙？例如：不会在手机上传材料' maxLength={500} autoSize onChange={setNote} />
      </View>
      {error && <Text className='error-text' id='assist-error'>{error}</Text>}
      <Button block className='block-button' id='assist-submit' type='primary' loading={busy} disabled={busy} onClick={() => void submit()}>
        请民警协助
      </Button>
    </View>
  )
}

/** One matter of the 办事指引 with every route it can be done through. */
export default function MatterPage() {
  const router = useRouter()
  const code = decodeURIComponent(router.params.code ?? '')
  const state = useAsync(() => api.matter(code), [code])
  const { user } = useSignedInUser()
  // The resident's own 派出所 for the 派出所 routes; a visitor is told how to see it.
  const station = useAsync(async () => (user ? (await api.myStation()).station : null), [user?.id])
  return (
    <View className='page'>
      <AsyncContent state={state} errorId='matter-error'>
        {(m) => (
          <>
            <View className='card'>
              <Text className='matter__title' id='matter-title'>{m.title}</Text>
              <Text className='muted'>{m.summary}</Text>
            </View>
            {m.emergency && <EmergencyCard emergency={m.emergency} />}
            <View id='matter-routes'>
              {m.routes.map((r) => (
                <RouteCard key={r.type} route={r} station={station.data ?? null} signedIn={user !== null} />
              ))}
            </View>
            <AssistCard matter={m} />
          </>
        )}
      </AsyncContent>
    </View>
  )
}
