import { ErrorCode } from '@jws/contracts';
import { Body, Controller, Get, Header, HttpCode, Param, Post, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';
import { ApiErrors } from '../common/api-errors.decorator';
import { IdParamPipe } from '../common/id-param.pipe';
import type { Caller } from '../common/request-context';
import { Authenticated, CurrentCaller } from '../identity/authenticated.decorator';
import { BulletinSubscribeService } from './bulletin-subscribe.service';
import { BulletinsService } from './bulletins.service';

class BulletinSubscriptionDto {
  @ApiProperty({ description: 'one-time 警务公告 subscriptions held: each lets WeChat deliver one message' }) credits: number;
  @ApiProperty({ description: 'the template to ask for with wx.requestSubscribeMessage' }) templateId: string;
}

class BulletinSubscriptionAnswerDto {
  @ApiProperty({ description: 'wx.requestSubscribeMessage answered accept for the 警务公告 template' })
  @IsBoolean({ message: '请说明是否同意接收警务公告提醒' })
  accepted: boolean;
}

/** A bulletin's images, and the 警务公告 subscribe messages a person accepts (docs/bulletins.md). */
@ApiTags('bulletins 公告')
@Controller()
export class BulletinMediaController {
  constructor(
    private readonly bulletins: BulletinsService,
    private readonly subscribe: BulletinSubscribeService,
  ) {}

  @Get('bulletins/:id/images/:imageId')
  @Authenticated()
  @Header('Cache-Control', 'private, max-age=3600')
  @ApiOperation({ summary: 'An image of a bulletin, for whoever may read the bulletin (not its readers once withdrawn)' })
  @ApiProduces('image/jpeg', 'image/png', 'image/webp')
  @ApiOkResponse({ description: 'the image', schema: { type: 'string', format: 'binary' } })
  @ApiErrors(ErrorCode.NotFound)
  async image(@CurrentCaller() caller: Caller, @Param('id', IdParamPipe) id: number, @Param('imageId') imageId: string): Promise<StreamableFile> {
    const { buffer, contentType } = await this.bulletins.image(caller, id, imageId);
    return new StreamableFile(buffer, { type: contentType });
  }

  @Get('bulletin-subscription')
  @Authenticated()
  @ApiOperation({ summary: 'The caller’s 警务公告 subscribe messages: how many WeChat may still deliver, and the template to ask for' })
  @ApiOkResponse({ type: BulletinSubscriptionDto })
  subscription(@CurrentCaller() caller: Caller): Promise<BulletinSubscriptionDto> {
    return this.subscribe.status(caller);
  }

  @Post('bulletin-subscription')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({ summary: 'What wx.requestSubscribeMessage answered for the 警务公告 template: accepted allows one more message' })
  @ApiOkResponse({ type: BulletinSubscriptionDto })
  answer(@CurrentCaller() caller: Caller, @Body() dto: BulletinSubscriptionAnswerDto): Promise<BulletinSubscriptionDto> {
    return this.subscribe.answer(caller, dto.accepted);
  }
}
