/**
 * The notifications feature's face: what other features may import from notifications (docs/architecture.md).
 * Its data (entities, repositories: notifications/data/) stays inside.
 */
export { NotificationsModule } from './notifications.module';
export {
  NotificationsService, OUTBOX_TOPIC_GOVERNANCE_RISK, OUTBOX_TOPIC_SUBSCRIBE, ROOM_MESSAGE_NOTICE_TITLE, outboxPayload,
} from './notifications.service';
export type { Notice, NotifyInput, RoomMessageNotice, SubscribePayload } from './notifications.service';
export { OUTBOX_MAX_ATTEMPTS, OutboxDeliveryError, OutboxWorker, backoffMs, refusedByWechat } from './outbox.worker';
export type { OutboxHandler } from './outbox.worker';
export type { OutboxEntity, OutboxStatus } from './data/outbox.entity';
