import type { UserConfigExport } from '@tarojs/cli'

export default {
  logger: { quiet: false, stats: true },
  mini: { enableSourceMap: true },
  h5: { enableSourceMap: true },
} satisfies UserConfigExport<'webpack5'>
