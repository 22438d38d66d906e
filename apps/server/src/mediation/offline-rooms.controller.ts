import { ErrorCode, Permission } from '@jws/contracts';
import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../common/api-errors.decorator';
import { IdParamPipe } from '../common/id-param.pipe';
import type { Caller } from '../common/request-context';
import { Authenticated, CurrentCaller } from '../identity/authenticated.decorator';
import { CreateOfflineRoomDto, CreateSlotDto, OfflineOutcomeDto, TransferOfflineDto } from './dto/mediation.dto';
import { OfflineRoomViewDto, OfflineSlotViewDto, RoomDetailDto } from './dto/mediation-views.dto';
import { OfflineMediationService } from './offline-mediation.service';

/** 警民联调室: the stations' offline rooms and slots, and moving an online room to one (转线下) and its outcome. */
@ApiTags('mediation 调解室')
@Controller('mediation')
export class OfflineRoomsController {
  constructor(private readonly offline: OfflineMediationService) {}

  @Get('rooms/:id/offline-slots')
  @Authenticated()
  @ApiOperation({ summary: 'Free slots of the station’s 警民联调室' })
  @ApiOkResponse({ type: [OfflineSlotViewDto] })
  @ApiErrors(ErrorCode.NotFound)
  slots(@CurrentCaller() caller: Caller, @Param('id', IdParamPipe) id: number): Promise<OfflineSlotViewDto[]> {
    return this.offline.freeSlots(caller, id);
  }

  @Get('offline-rooms')
  @Authenticated({ permission: Permission.MediationManage })
  @ApiOperation({ summary: 'The 警民联调室 of the caller’s station, active first, with their slots not yet ended' })
  @ApiOkResponse({ type: [OfflineRoomViewDto] })
  @ApiErrors(ErrorCode.NotStationStaff)
  offlineRooms(@CurrentCaller() caller: Caller): Promise<OfflineRoomViewDto[]> {
    return this.offline.stationRooms(caller);
  }

  @Post('offline-rooms')
  @Authenticated({ permission: Permission.MediationManage })
  @ApiOperation({ summary: 'Add a 警民联调室 to the caller’s station' })
  @ApiCreatedResponse({ type: OfflineRoomViewDto })
  @ApiErrors(ErrorCode.NotStationStaff)
  createOfflineRoom(@CurrentCaller() caller: Caller, @Body() dto: CreateOfflineRoomDto): Promise<OfflineRoomViewDto> {
    return this.offline.createRoom(caller, dto);
  }

  @Post('offline-rooms/:id/retire')
  @HttpCode(200)
  @Authenticated({ permission: Permission.MediationManage })
  @ApiOperation({ summary: 'Retire a 警民联调室: its free slots are no longer offered; bookings made stay' })
  @ApiOkResponse({ type: OfflineRoomViewDto })
  @ApiErrors(ErrorCode.NotFound, ErrorCode.NotStationStaff)
  retireOfflineRoom(@CurrentCaller() caller: Caller, @Param('id', IdParamPipe) id: number): Promise<OfflineRoomViewDto> {
    return this.offline.retireRoom(caller, id);
  }

  @Delete('offline-slots/:id')
  @HttpCode(204)
  @Authenticated({ permission: Permission.MediationManage })
  @ApiOperation({ summary: 'Cancel a free slot of one of the station’s 警民联调室 (a booked one stays)' })
  @ApiNoContentResponse({ description: 'the slot is gone' })
  @ApiErrors(ErrorCode.NotFound, ErrorCode.NotStationStaff, ErrorCode.SlotBooked)
  async cancelOfflineSlot(@CurrentCaller() caller: Caller, @Param('id', IdParamPipe) id: number): Promise<void> {
    await this.offline.cancelSlot(caller, id);
  }

  @Post('offline-rooms/:id/slots')
  @Authenticated({ permission: Permission.MediationManage })
  @ApiOperation({ summary: 'Open a bookable slot in one of the station’s offline rooms' })
  @ApiCreatedResponse({ type: OfflineSlotViewDto })
  @ApiErrors(ErrorCode.NotFound, ErrorCode.NotStationStaff, ErrorCode.SlotTaken, ErrorCode.OfflineRoomRetired)
  createSlot(@CurrentCaller() caller: Caller, @Param('id', IdParamPipe) id: number, @Body() dto: CreateSlotDto): Promise<OfflineSlotViewDto> {
    return this.offline.createSlot(caller, id, dto);
  }

  @Post('rooms/:id/transfer')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({ summary: '转线下: book a slot of the 警民联调室 (no double booking) and close the online room' })
  @ApiOkResponse({ type: RoomDetailDto })
  @ApiErrors(ErrorCode.NotFound, ErrorCode.SlotTaken, ErrorCode.RoomReadOnly, ErrorCode.OfflineRoomRetired)
  transfer(@CurrentCaller() caller: Caller, @Param('id', IdParamPipe) id: number, @Body() dto: TransferOfflineDto): Promise<RoomDetailDto> {
    return this.offline.transferOffline(caller, id, dto);
  }

  @Post('rooms/:id/offline-outcome')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({ summary: 'Record the outcome of the offline meeting (settled resolves the case)' })
  @ApiOkResponse({ type: RoomDetailDto })
  @ApiErrors(ErrorCode.NotFound, ErrorCode.CaseTransitionNotAllowed)
  outcome(@CurrentCaller() caller: Caller, @Param('id', IdParamPipe) id: number, @Body() dto: OfflineOutcomeDto): Promise<RoomDetailDto> {
    return this.offline.offlineOutcome(caller, id, dto);
  }
}
