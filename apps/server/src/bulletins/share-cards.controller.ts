import { ErrorCode, Permission } from '@jws/contracts';
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../common/api-errors.decorator';
import { IdParamPipe } from '../common/id-param.pipe';
import type { Caller } from '../common/request-context';
import { Authenticated, CurrentCaller } from '../identity/authenticated.decorator';
import { BulletinSharesService } from './bulletin-shares.service';
import {
  BindWechatGroupDto, BulletinOpenDto, BulletinOpenResponseDto, BulletinShareResponseDto, WechatGroupQueryDto, WechatGroupViewDto,
} from './dto/share.dto';

/** Share cards of bulletins and the real WeChat groups they are opened from (docs/bulletins.md). */
@ApiTags('bulletins 公告')
@Controller()
export class ShareCardsController {
  constructor(private readonly shares: BulletinSharesService) {}

  @Post('bulletins/:id/shares')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({ summary: '分享: records a share of a bulletin that is out (its readers); answers the card’s path, which carries the share id' })
  @ApiOkResponse({ type: BulletinShareResponseDto })
  @ApiErrors(ErrorCode.NotFound, ErrorCode.BulletinStateInvalid)
  share(@CurrentCaller() caller: Caller, @Param('id', IdParamPipe) id: number): Promise<BulletinShareResponseDto> {
    return this.shares.share(caller, id);
  }

  @Post('bulletins/:id/opens')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({
    summary: 'An open from a card in a WeChat group (its readers): getShareInfo’s encryptedData and iv, decrypted with the caller’s stored ' +
      'session_key to the group’s openGId; counted once per person and WeChat group, and as a read. A key that does not open it: ' +
      'WECHAT_SESSION_STALE (wx.login again, then retry)',
  })
  @ApiOkResponse({ type: BulletinOpenResponseDto })
  @ApiErrors(ErrorCode.NotFound, ErrorCode.WechatSessionStale, ErrorCode.ShareInfoInvalid)
  open(@CurrentCaller() caller: Caller, @Param('id', IdParamPipe) id: number, @Body() dto: BulletinOpenDto): Promise<BulletinOpenResponseDto> {
    return this.shares.open(caller, id, dto);
  }

  @Get('wechat-groups')
  @Authenticated({ permission: Permission.BulletinPush })
  @ApiOperation({ summary: 'The WeChat groups the caller’s cards (an officer) or their unit’s police’s cards (leaders) were opened from: pending (to bind) or bound' })
  @ApiOkResponse({ type: [WechatGroupViewDto] })
  list(@CurrentCaller() caller: Caller, @Query() q: WechatGroupQueryDto): Promise<WechatGroupViewDto[]> {
    return this.shares.list(caller, q.status);
  }

  @Post('wechat-groups/:id/binding')
  @HttpCode(200)
  @Authenticated({ permission: Permission.BulletinPush })
  @ApiOperation({ summary: 'Binds a pending WeChat group to a group in the caller’s jurisdiction; its card opens then count as that group’s reads. Audited' })
  @ApiOkResponse({ type: WechatGroupViewDto })
  @ApiErrors(ErrorCode.NotFound, ErrorCode.WechatGroupAlreadyBound)
  bind(@CurrentCaller() caller: Caller, @Param('id', IdParamPipe) id: number, @Body() dto: BindWechatGroupDto): Promise<WechatGroupViewDto> {
    return this.shares.bind(caller, id, dto.groupId);
  }
}
