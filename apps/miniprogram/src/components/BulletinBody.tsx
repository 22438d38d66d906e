import { Text, View } from '@tarojs/components'
import type { BulletinBlock, TextRun } from '@jws/contracts'
import './BulletinBody.scss'

function Runs({ runs }: { runs: TextRun[] }) {
  return (
    <>
      {runs.map((r, i) => (
        <Text key={i} className={r.bold ? 'bulletin-body__bold' : undefined}>{r.text}</Text>
      ))}
    </>
  )
}

/** A bulletin's structured body: paragraphs, bold and lists as text nodes (never HTML). */
export default function BulletinBody({ blocks, id }: { blocks: BulletinBlock[]; id?: string }) {
  return (
    <View className='bulletin-body' id={id}>
      {blocks.map((b, i) =>
        b.type === 'paragraph' ? (
          <View key={i} className='bulletin-body__p'><Runs runs={b.runs} /></View>
        ) : (
          <View key={i} className='bulletin-body__list'>
            {b.items.map((item, j) => (
              <View key={j} className='bulletin-body__item'>
                <Text className='bulletin-body__mark'>{b.ordered ? `${j + 1}.` : '•'}</Text>
                <View className='bulletin-body__item-text'><Runs runs={item} /></View>
              </View>
            ))}
          </View>
        ),
      )}
    </View>
  )
}
