/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.svg'
declare module '*.css'
declare module '*.scss'

declare namespace NodeJS {
  interface ProcessEnv {
    /** The platform being built. */
    TARO_ENV: 'weapp' | 'h5'
    TARO_APP_ID: string
  }
}

/** API origin, set at build time (config/index.ts): '' in h5 (same origin), API_BASE_URL env in weapp. */
declare const API_BASE_URL: string

/** Comma-separated WeChat subscribe-message template ids (build-time env SUBSCRIBE_TEMPLATE_IDS); may be ''. */
declare const SUBSCRIBE_TEMPLATE_IDS: string
