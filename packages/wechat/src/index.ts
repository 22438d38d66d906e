export { WechatClient, DEFAULT_WECHAT_BASE_URL } from './client';
export { WechatApiError, WechatErrcode, isRetryableErrcode, isWechatApiError } from './errors';
export type { WechatErrcodeName } from './errors';
export type {
  EnvVersion,
  ImgSecCheckInput,
  ImgSecCheckResult,
  MiniprogramState,
  MsgSecCheckInput,
  MsgSecCheckResult,
  MsgSecScene,
  MsgSecSuggest,
  PhoneNumberResult,
  SubscribeMessageInput,
  UnlimitedQrCodeInput,
  WechatClientOptions,
  WechatLogger,
  WechatSession,
} from './types';
// The fake is also reachable as @jws/wechat/dist/fake-server; re-exported here for convenience.
export { startFakeWechat, FakeWechatState, fakeImageCheck } from './fake-server';
export type { FakeWechat, FakeWechatOptions, FakeReply, SentMessage } from './fake-server';
export { PNG_SIGNATURE, readPngText } from './png';
export { decryptShareInfo, decryptWechatData, encryptWechatData, WechatDecryptError } from './decrypt';
export type { ShareInfo } from './decrypt';
