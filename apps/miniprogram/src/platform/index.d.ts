// Taro picks index.weapp.ts or index.h5.ts at build time; this file gives TypeScript the shared shape.
import type { Platform } from './types'

export declare const platform: Platform
