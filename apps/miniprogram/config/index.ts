import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'

import devConfig from './dev'
import prodConfig from './prod'

/**
 * Taro build configuration. One config for both targets:
 * - weapp: the WeChat mini program, output in dist/weapp (import it in WeChat DevTools);
 * - h5: the browser build used for preview and end-to-end tests, served by the
 *   NestJS server at `/` on the same origin as the API, output in dist/h5.
 */
export default defineConfig<'webpack5'>(async (merge, { mode }) => {
  const platform = process.env.TARO_ENV ?? 'weapp'
  const isH5 = platform === 'h5'

  // Taro writes dist/weapp/project.config.json with TARO_APP_ID as appid.
  // Our documented variable is WECHAT_APP_ID; without it DevTools runs as a tourist.
  if (!process.env.TARO_APP_ID) process.env.TARO_APP_ID = process.env.WECHAT_APP_ID || 'touristappid'

  // h5 talks to the server that serves it (same origin); weapp needs an absolute URL.
  const apiBaseUrl = isH5 ? '' : (process.env.API_BASE_URL || 'http://localhost:3000').replace(/\/+$/, '')

  // The contracts package is plain TypeScript: compile its source with ours instead of
  // depending on its CommonJS build, so enums and helpers tree-shake and a fresh clone
  // builds the mini program without building contracts first.
  const contractsSrc = path.resolve(__dirname, '../../../packages/contracts/src')

  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'zhijian-jingwushi',
    date: '2025-11-24',
    // NutUI React Taro is drawn at 375; we use the same width for our own styles.
    designWidth: 375,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    outputRoot: `dist/${platform}`,
    plugins: [],
    defineConstants: {
      API_BASE_URL: JSON.stringify(apiBaseUrl),
      // One-time subscribe-message templates asked for when a report is submitted (weapp only).
      SUBSCRIBE_TEMPLATE_IDS: JSON.stringify(process.env.SUBSCRIBE_TEMPLATE_IDS ?? ''),
    },
    alias: {
      '@jws/contracts': path.join(contractsSrc, 'index.ts'),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: {
      type: 'webpack5',
      // Prebundling only speeds up dev servers and has bitten NutUI users; keep builds plain.
      prebundle: { enable: false },
    },
    cache: { enable: false },
    mini: {
      compile: { include: [contractsSrc] },
      // Modules used only by a subpackage are moved into it (keeps the main package small).
      optimizeMainPackage: { enable: true },
      // NutUI styles are imported per component; their relative order does not matter.
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
    h5: {
      // The preview build is not size-tuned like the weapp one; webpack's 244 KiB web hint is noise here.
      webpackChain(chain) {
        chain.performance.hints(false)
      },
      publicPath: '/',
      staticDirectory: 'static',
      compile: { include: [contractsSrc] },
      router: {
        // Real paths (/pages/home/index) so deep links work when the server falls back to index.html.
        mode: 'browser',
      },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  }

  if (process.env.NODE_ENV === 'development' || mode === 'development') {
    return merge({}, baseConfig, devConfig)
  }
  return merge({}, baseConfig, prodConfig)
})
