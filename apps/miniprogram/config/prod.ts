import type { UserConfigExport } from '@tarojs/cli'

/** Production: minified, no source maps (they would count against the 2 MB package limits). */
export default {
  mini: {
    enableSourceMap: false,
  },
  h5: {
    enableSourceMap: false,
  },
  terser: { enable: true },
  csso: { enable: true },
} satisfies UserConfigExport<'webpack5'>
