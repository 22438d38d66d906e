import { useEffect, useRef } from 'react'
import { Canvas as TaroCanvas, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Axis, Canvas, Chart, jsx, Legend, Line, Point } from '@antv/f2'

/** F2's element factory (its JSX without a JSX pragma: the page's JSX is React's); its typings want each component's own props type. */
const el = jsx as unknown as (type: unknown, props: object, ...children: unknown[]) => ReturnType<typeof jsx>

/** One point of one series: the period's short label, the series' name, its value. */
export interface ChartDatum {
  period: string
  series: string
  value: number
}

interface Props {
  /** Element id of the canvas (and of the selector query that finds it). */
  id: string
  /** What the chart shows, for screen readers (the numbers are in the list below it). */
  label: string
  data: readonly ChartDatum[]
  /** Appended to the value axis' labels (the rates: %). */
  unit?: string
  height?: number
}

interface CanvasNode {
  width: number
  height: number
  getContext: (type: '2d') => CanvasRenderingContext2D | null
  createImage?: () => HTMLImageElement
  requestAnimationFrame?: (cb: () => void) => number
  cancelAnimationFrame?: (id: number) => void
}

/**
 * The 2d canvas node and its CSS size: weapp's node of a type="2d" canvas; in h5 a plain <canvas>
 * (Taro's h5 Canvas component resets its canvas' size on every render, wiping the drawing).
 */
function findCanvas(id: string): Promise<{ node: CanvasNode; width: number; height: number } | null> {
  if (process.env.TARO_ENV === 'h5') {
    const el = document.getElementById(id) as HTMLCanvasElement | null
    const box = el?.getBoundingClientRect()
    return Promise.resolve(el && box?.width ? { node: el, width: box.width, height: box.height } : null)
  }
  return new Promise((resolve) => {
    Taro.createSelectorQuery()
      .select(`#${id}`)
      .fields({ node: true, size: true })
      .exec((res: { node?: CanvasNode; width?: number; height?: number }[]) => {
        const found = res?.[0]
        resolve(found?.node && found.width ? { node: found.node, width: found.width, height: found.height ?? 0 } : null)
      })
  })
}

/**
 * A line chart of a few series over periods, drawn with F2 (@antv/f2 v5) on a 2d canvas: the
 * same code in WeChat (the canvas node of a type="2d" canvas) and in the h5 build (an HTML canvas).
 * Drawn without animation, again whenever the data change.
 */
export default function LineChart({ id, label, data, unit = '', height = 220 }: Props) {
  const chart = useRef<Canvas | null>(null)
  const key = JSON.stringify(data)
  useEffect(() => {
    let cancelled = false
    const draw = async () => {
      const found = await findCanvas(id)
      if (!found || cancelled) return
      const { node, width } = found
      const pixelRatio = (process.env.TARO_ENV === 'h5' ? window.devicePixelRatio : Taro.getSystemInfoSync().pixelRatio) || 1
      node.width = width * pixelRatio
      node.height = found.height * pixelRatio
      const children = el(
        Chart,
        { data: [...data], scale: { value: { min: 0, nice: true }, period: { type: 'cat' } } },
        el(Axis, { field: 'period' }),
        el(Axis, { field: 'value', formatter: (v: number) => `${v}${unit}` }),
        el(Line, { x: 'period', y: 'value', color: 'series' }),
        el(Point, { x: 'period', y: 'value', color: 'series' }),
        el(Legend, { position: 'top' }),
      )
      chart.current?.destroy()
      const canvas = new Canvas({
        context: node.getContext('2d'), pixelRatio, width, height: found.height, animate: false, children,
        createImage: node.createImage?.bind(node),
        requestAnimationFrame: node.requestAnimationFrame?.bind(node),
        cancelAnimationFrame: node.cancelAnimationFrame?.bind(node),
      })
      chart.current = canvas
      await canvas.render()
    }
    // The canvas is in the tree after this render: find it on the next tick.
    Taro.nextTick(() => void draw())
    return () => {
      cancelled = true
    }
  }, [id, key, unit])
  useEffect(() => () => chart.current?.destroy(), [])
  return (
    <View className='figures__chart' aria-label={label} role='img'>
      {process.env.TARO_ENV === 'h5' ? (
        <canvas id={id} className='figures__chart-canvas' style={{ width: '100%', height: `${height}px` }} />
      ) : (
        <TaroCanvas type='2d' id={id} className='figures__chart-canvas' style={{ width: '100%', height: `${height}px` }} />
      )}
    </View>
  )
}
