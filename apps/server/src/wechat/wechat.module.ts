import { WechatClient } from '@jws/wechat';
import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';

/** The WeChat server-API client, pointed at WECHAT_API_BASE_URL (a local fake in tests and the demo). */
@Global()
@Module({
  providers: [
    {
      provide: WechatClient,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        new WechatClient({
          appId: config.wechat.appId,
          appSecret: config.wechat.appSecret,
          baseUrl: config.wechat.baseUrl,
        }),
    },
  ],
  exports: [WechatClient],
})
export class WechatModule {}
