import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { PERIOD_KIND_LABELS } from '@jws/contracts'

import { api } from '../../api'
import Chips from '../../components/Chips'
import { AsyncContent } from '../../components/StatusBlock'
import { useAsync } from '../../hooks/useAsync'
import { useSubmit } from '../../hooks/useSubmit'
import Counters from './parts/Counters'
import Coverage from './parts/Coverage'
import Rates from './parts/Rates'
import Trend from './parts/Trend'
import { PAGE_PERIOD_KINDS, usePeriod } from './usePeriod'
import '../figures.scss'

/**
 * 数据: the six counters of the caller's jurisdiction (an officer: their own communities) for this
 * day, week, 旬 or month, each opening its records; the three rates with the ranking among sibling
 * units; the trend charts by week and by month; 一警一群 coverage; and the .xlsx (docs/figures.md).
 */
export default function FiguresPage() {
  const { kind, setKind, period } = usePeriod()
  const state = useAsync(() => api.figures(period), [period.from, period.to], { reloadOnShow: true })
  const download = useSubmit()
  return (
    <View className='page'>
      <Chips id='figures-period' options={PAGE_PERIOD_KINDS.map((k) => ({ value: k, label: `本${PERIOD_KIND_LABELS[k]}`, id: `figures-period-${k}` }))} value={kind} onChange={setKind} />
      <AsyncContent state={state} errorId='figures-error'>
        {(view) => {
          const name = view.node?.name ?? '本人责任社区'
          return (
            <>
              <View className='card' id='figures-header'>
                <Text className='card__title' id='figures-title'>{`${name} · ${view.period.from} 至 ${view.period.to}`}</Text>
                <Text className='muted'>{view.live ? '含今日实时数据' : '已结束的时段'}</Text>
              </View>
              <Counters view={view} />
              <Rates view={view} />
              <Trend orgId={view.node?.id} />
              <Coverage coverage={view.coverage} />
              <Button
                block className='block-button' id='figures-download' type='primary' fill='outline' loading={download.busy} disabled={download.busy}
                onClick={() => void download.run(() => api.openFiguresWorkbook({ from: view.period.from, to: view.period.to, orgId: view.node?.id }, `${name}-数据-${view.period.from}-${view.period.to}.xlsx`))}
              >
                导出Excel
              </Button>
              {download.error && <Text className='error-text' id='figures-download-error'>{download.error}</Text>}
            </>
          )
        }}
      </AsyncContent>
    </View>
  )
}
