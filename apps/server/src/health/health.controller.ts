import { ErrorCode } from '@jws/contracts';
import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheckResult, HealthCheckService, HealthIndicatorFunction, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { ApiErrors } from '../common/api-errors.decorator';
import { DomainException } from '../common/domain.exception';
import { Public } from '../identity';
import { RedisHealthIndicator } from './redis.health';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly redis: RedisHealthIndicator,
  ) {}

  @Get()
  @Public()
  @ApiOperation({
    summary: 'Liveness and reachability of the database (and Redis, with REDIS_URL)',
    description: 'A dependency out of reach answers 503 SERVICE_UNAVAILABLE naming it in `details` (`database`, `redis`), with Retry-After.',
  })
  @ApiOkResponse({ description: "terminus' result: `{ status: 'ok', info: { database: { status: 'up' }, redis?: … } }`" })
  @ApiErrors(ErrorCode.ServiceUnavailable)
  async check(): Promise<HealthCheckResult> {
    const checks: HealthIndicatorFunction[] = [() => this.db.pingCheck('database', { timeout: 3000 })];
    if (this.redis.configured) checks.push(() => this.redis.check('redis', 3000));
    try {
      return await this.health.check(checks);
    } catch (err) {
      if (!(err instanceof ServiceUnavailableException)) throw err;
      const result = err.getResponse() as HealthCheckResult;
      throw new DomainException(ErrorCode.ServiceUnavailable, Object.keys(result.error ?? {}));
    }
  }
}
