import { NotificationLink } from '@jws/contracts';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** In-app notification list (消息): always has everything, whatever WeChat delivered. */
@Entity('notifications')
@Index('ix_notifications_user', ['userId', 'id'])
@Index('ix_notifications_user_room', ['userId', 'roomId'])
/** 责任追究's trail: who was told about a case (migration NotificationsByCase1767500000001). */
@Index('ix_notifications_case', ['caseId', 'id'])
export class NotificationEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'user_id', type: 'int' })
  userId: number;

  @Column({ name: 'case_id', type: 'int', nullable: true })
  caseId: number | null;

  /** Set on room notices (调解室有新消息, agreement, closing …): the room it opens (opening the room reads it). */
  @Column({ name: 'room_id', type: 'int', nullable: true })
  roomId: number | null;

  /** A notice about neither a case nor a room (a join decision): the app page it opens. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  link: NotificationLink | null;

  /** The community a notice is about (新的加入申请: the 待审核 its link opens). */
  @Column({ name: 'community_id', type: 'int', nullable: true })
  communityId: number | null;

  @Column({ type: 'varchar', length: 64 })
  title: string;

  @Column({ type: 'varchar', length: 500 })
  body: string;

  /**
   * A confidential notification (to the informant of a sealed case): `caseId` is NULL, title and
   * body are neutral, and the real ones with the case id are here, encrypted (SealedNoticeContent).
   */
  @Column({ name: 'sealed_enc', type: 'text', nullable: true })
  sealedEnc: string | null;

  @Column({ name: 'read_at', type: 'datetime', nullable: true })
  readAt: Date | null;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;
}
