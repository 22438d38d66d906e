import { All, Body, Controller, Get, Headers, HttpCode, Ip, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import {
  ApiBadRequestResponse, ApiBody, ApiConsumes, ApiCreatedResponse, ApiExcludeEndpoint, ApiForbiddenResponse, ApiHeader,
  ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiQuery, ApiTags, ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { RateLimit } from '../common/rate-limit';
import { Public } from '../identity/authenticated.decorator';
import type { Open311Request } from './open311-public';
import {
  Open311CreatedDto, Open311CreateRequestDto, Open311DiscoveryDto, Open311ErrorDto, Open311RequestDto, Open311ServiceDefinitionDto,
  Open311ServiceDto, Open311TokenDto,
} from './open311.dto';
import { Open311Exception, Open311ExceptionFilter } from './open311.errors';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, Open311Service } from './open311.service';

const FORMAT = { name: 'format', enum: ['json'], description: 'JSON only: `.xml` is answered 400' };

/** The resource suffix: `.json` is served; `.xml` (required by the specification, not offered here) is a 400. */
function requireJson(format: string): void {
  if (format === 'json') return;
  if (format === 'xml') throw Open311Exception.badRequest('本接口只提供 JSON 格式，请使用 .json');
  throw Open311Exception.notFound();
}

/**
 * Open311 GeoReport v2 at /open311/v2 (outside the /api prefix). Reads are public and show no
 * personal data (see open311-public.ts); partner systems POST requests with their api_key.
 * Every error is `[{ code, description }]`.
 */
@ApiTags('open311')
@Public()
@UseFilters(Open311ExceptionFilter)
@Controller('open311')
export class Open311Controller {
  constructor(private readonly open311: Open311Service) {}

  @Get('v2/discovery.:format')
  @RateLimit(120)
  @ApiOperation({ summary: 'GeoReport v2 service discovery' })
  @ApiParam(FORMAT)
  @ApiOkResponse({ type: Open311DiscoveryDto })
  discovery(@Param('format') format: string, @Req() req: FastifyRequest): Open311DiscoveryDto {
    requireJson(format);
    return this.open311.discovery(`${req.protocol}://${req.host || 'localhost'}`);
  }

  @Get('v2/services.:format')
  @RateLimit(120)
  @ApiOperation({ summary: 'Service list: one service per case kind and subcategory (`dispute.neighbour` …)' })
  @ApiParam(FORMAT)
  @ApiOkResponse({ type: [Open311ServiceDto] })
  services(@Param('format') format: string): Open311ServiceDto[] {
    requireJson(format);
    return this.open311.services();
  }

  @Get('v2/services/:code.:format')
  @RateLimit(120)
  @ApiOperation({ summary: 'Service definition: the `community_id` attribute for services partners may submit' })
  @ApiParam({ name: 'code', example: 'dispute.neighbour' })
  @ApiParam(FORMAT)
  @ApiOkResponse({ type: Open311ServiceDefinitionDto })
  @ApiNotFoundResponse({ type: [Open311ErrorDto] })
  serviceDefinition(@Param('code') code: string, @Param('format') format: string): Promise<Open311ServiceDefinitionDto> {
    requireJson(format);
    return this.open311.serviceDefinition(code);
  }

  @Get('v2/requests.:format')
  @RateLimit(120)
  @ApiOperation({
    summary: 'Public service requests, newest first: no personal data; leads, anomalies and held reports are never listed',
    description: `Without service_request_id: created in [start_date, end_date] (default: the last 90 days). Paged: page (from 1), page_size (default ${DEFAULT_PAGE_SIZE}, at most ${MAX_PAGE_SIZE}); the X-Total-Count header gives the number of matches.`,
  })
  @ApiParam(FORMAT)
  @ApiQuery({ name: 'service_request_id', required: false, description: 'comma-separated case numbers (at most 100); the other filters are then ignored' })
  @ApiQuery({ name: 'service_code', required: false, description: 'comma-separated service codes' })
  @ApiQuery({ name: 'start_date', required: false, example: '2026-11-01T00:00:00+08:00' })
  @ApiQuery({ name: 'end_date', required: false, example: '2026-11-30T00:00:00+08:00' })
  @ApiQuery({ name: 'status', required: false, description: 'open, closed or both (comma-separated)' })
  @ApiQuery({ name: 'page', required: false, example: 1 })
  @ApiQuery({ name: 'page_size', required: false, example: DEFAULT_PAGE_SIZE })
  @ApiOkResponse({ type: [Open311RequestDto], headers: { 'X-Total-Count': { description: 'matches over all pages', schema: { type: 'integer' } } } })
  @ApiBadRequestResponse({ type: [Open311ErrorDto] })
  async requests(
    @Param('format') format: string,
    @Query() query: Record<string, unknown>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Open311Request[]> {
    requireJson(format);
    const { items, total } = await this.open311.list(query);
    reply.header('X-Total-Count', String(total));
    return items;
  }

  @Get('v2/requests/:id.:format')
  @RateLimit(120)
  @ApiOperation({ summary: 'One public service request (an array of one, as the specification has it)' })
  @ApiParam({ name: 'id', example: '20261124-000123' })
  @ApiParam(FORMAT)
  @ApiOkResponse({ type: [Open311RequestDto] })
  @ApiNotFoundResponse({ type: [Open311ErrorDto], description: 'unknown, or not public' })
  request(@Param('id') id: string, @Param('format') format: string): Promise<Open311Request[]> {
    requireJson(format);
    return this.open311.one(id);
  }

  @Get('v2/tokens/:token.:format')
  @RateLimit(120)
  @ApiOperation({ summary: 'The service_request_id of a token answered to a POST' })
  @ApiParam({ name: 'token' })
  @ApiParam(FORMAT)
  @ApiOkResponse({ type: [Open311TokenDto] })
  @ApiNotFoundResponse({ type: [Open311ErrorDto] })
  token(@Param('token') token: string, @Param('format') format: string): Promise<Open311TokenDto[]> {
    requireJson(format);
    return this.open311.token(token);
  }

  @Post('v2/requests.:format')
  @HttpCode(201)
  @RateLimit(60)
  @ApiOperation({
    summary: 'Submit a service request (partner systems, with api_key): disputes, hazards, service needs and questions only',
    description: 'Form-encoded or JSON. The case goes to the community of attribute[community_id] or the partner’s default community. Personal fields (first_name, phone …) are not stored: the officer contacts the person through the partner.',
  })
  @ApiParam(FORMAT)
  @ApiConsumes('application/x-www-form-urlencoded', 'application/json')
  @ApiBody({ type: Open311CreateRequestDto })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: '8–64 characters; the same key and body answer the same request (per partner)' })
  @ApiCreatedResponse({ type: [Open311CreatedDto] })
  @ApiBadRequestResponse({ type: [Open311ErrorDto], description: 'missing or invalid field, unknown community, or a resident-only service' })
  @ApiForbiddenResponse({ type: [Open311ErrorDto], description: 'missing or invalid api_key' })
  @ApiTooManyRequestsResponse({ type: [Open311ErrorDto] })
  create(
    @Param('format') format: string,
    @Body() body: Record<string, unknown> | undefined,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Ip() ip: string,
  ): Promise<Open311CreatedDto[]> {
    requireJson(format);
    return this.open311.create(body && typeof body === 'object' ? body : {}, idempotencyKey, ip ?? null);
  }

  /** Anything else under /open311: a 404 in the GeoReport format. */
  @All('*')
  @ApiExcludeEndpoint()
  notFound(): never {
    throw Open311Exception.notFound();
  }
}
