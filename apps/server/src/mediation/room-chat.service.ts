import { ErrorCode, MessageView } from '@jws/contracts';
import { Injectable } from '@nestjs/common';
import { DomainException } from '../common/domain.exception';
import type { Caller } from '../common/request-context';
import { RoomAccess, RoomContext } from './room-access';
import { RoomMessagesService, SendInput } from './room-messages.service';

/** Chat as a caller does it, over HTTP or the socket: the room check, then the message store. */
@Injectable()
export class RoomChatService {
  constructor(
    private readonly access: RoomAccess,
    private readonly messages: RoomMessagesService,
  ) {}

  /** Staff reading a transcript may not write into it. */
  private writer(ctx: RoomContext) {
    if (!ctx.member) throw new DomainException(ErrorCode.Forbidden);
    return ctx.member;
  }

  async send(caller: Caller, roomId: number, input: SendInput, known?: RoomContext): Promise<MessageView> {
    const ctx = known ?? (await this.access.require(caller, roomId));
    const { message } = await this.messages.send({ userId: caller.user.id, openid: caller.user.openid }, ctx.room, this.writer(ctx), input);
    return message;
  }

  async recall(caller: Caller, roomId: number, seq: number, known?: RoomContext): Promise<MessageView> {
    const ctx = known ?? (await this.access.require(caller, roomId));
    return this.messages.recall({ userId: caller.user.id, openid: caller.user.openid }, ctx.room, this.writer(ctx), seq);
  }

  async image(caller: Caller, roomId: number, uploadId: string): Promise<{ buffer: Buffer; contentType: string }> {
    const ctx = await this.access.require(caller, roomId);
    return this.messages.imageOf(ctx.room.id, uploadId);
  }
}
