import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { OPEN311_SPECIFICATION } from './open311-public';

/** Documentation of the GeoReport v2 bodies (the handlers parse them by hand, see Open311Service). */

export class Open311ErrorDto {
  @ApiProperty({ example: 400, description: 'the HTTP status' })
  code: number;
  @ApiProperty({ example: '缺少 service_code' })
  description: string;
}

export class Open311EndpointDto {
  @ApiProperty({ example: OPEN311_SPECIFICATION })
  specification: string;
  @ApiProperty({ example: 'https://example.org/open311/v2' })
  url: string;
  @ApiProperty({ example: '2026-11-24T00:00:00Z' })
  changeset: string;
  @ApiProperty({ example: 'production' })
  type: string;
  @ApiProperty({ example: ['application/json'] })
  formats: string[];
}

export class Open311DiscoveryDto {
  @ApiProperty({ example: '2026-11-24T00:00:00Z' })
  changeset: string;
  @ApiProperty()
  contact: string;
  @ApiProperty({ description: 'how a partner obtains an api_key' })
  key_service: string;
  @ApiProperty({ type: [Open311EndpointDto] })
  endpoints: Open311EndpointDto[];
}

export class Open311ServiceDto {
  @ApiProperty({ example: 'dispute.neighbour', description: '`kind.subcategory`' })
  service_code: string;
  @ApiProperty({ example: '邻里纠纷' })
  service_name: string;
  @ApiProperty()
  description: string;
  @ApiProperty({ description: 'true when the service has attributes (community_id)' })
  metadata: boolean;
  @ApiProperty({ example: 'realtime' })
  type: string;
  @ApiProperty({ example: '矛盾纠纷,邻里纠纷' })
  keywords: string;
  @ApiProperty({ example: '矛盾纠纷' })
  group: string;
}

export class Open311AttributeValueDto {
  @ApiProperty({ example: '7' })
  key: string;
  @ApiProperty({ example: '胜利社区（天桥派出所）' })
  name: string;
}

export class Open311AttributeDto {
  @ApiProperty()
  variable: boolean;
  @ApiProperty({ example: 'community_id' })
  code: string;
  @ApiProperty({ example: 'singlevaluelist' })
  datatype: string;
  @ApiProperty()
  required: boolean;
  @ApiProperty()
  datatype_description: string;
  @ApiProperty()
  order: number;
  @ApiProperty()
  description: string;
  @ApiPropertyOptional({ type: [Open311AttributeValueDto] })
  values?: Open311AttributeValueDto[];
}

export class Open311ServiceDefinitionDto {
  @ApiProperty({ example: 'dispute.neighbour' })
  service_code: string;
  @ApiProperty({ type: [Open311AttributeDto] })
  attributes: Open311AttributeDto[];
}

export class Open311RequestDto {
  @ApiProperty({ example: '20261124-000123', description: 'the case number' })
  service_request_id: string;
  @ApiProperty({ enum: ['open', 'closed'] })
  status: string;
  @ApiProperty({ example: '办理中', description: 'the status in words (never an officer’s note)' })
  status_notes: string;
  @ApiProperty({ example: '消防隐患' })
  service_name: string;
  @ApiProperty({ example: 'hazard.fire' })
  service_code: string;
  @ApiProperty({ example: '安全隐患·消防隐患', description: 'the category (kind·subcategory label): never text a resident wrote' })
  description: string;
  @ApiProperty({ example: '天桥派出所' })
  agency_responsible: string;
  @ApiProperty({ example: '由天桥派出所胜利社区民警办理' })
  service_notice: string;
  @ApiProperty({ example: '2026-11-24T08:15:30.000Z' })
  requested_datetime: string;
  @ApiProperty({ example: '2026-11-24T09:00:00.000Z' })
  updated_datetime: string;
  @ApiProperty({ nullable: true, type: String, description: 'resolution deadline while open' })
  expected_datetime: string | null;
  @ApiProperty({ example: '胜利社区', description: 'the community, never the address the reporter typed' })
  address: string;
  @ApiPropertyOptional({ example: 32.917, description: 'rounded to 3 decimals (~100 m); absent for category-only services' })
  lat?: number;
  @ApiPropertyOptional({ example: 117.389 })
  long?: number;
}

export class Open311CreateRequestDto {
  @ApiProperty({ description: 'the partner’s key' })
  api_key: string;
  @ApiProperty({ example: 'hazard.fire' })
  service_code: string;
  @ApiProperty({ example: '5栋2单元楼道有人给电动车充电，存在火灾隐患', description: 'required here (max 4000 characters); the first line becomes the title' })
  description: string;
  @ApiPropertyOptional({ example: 32.9171 })
  lat?: number;
  @ApiPropertyOptional({ example: 117.3892 })
  long?: number;
  @ApiPropertyOptional({ example: '胜利社区5栋2单元', description: 'lat+long or address_string (or address_id) is required' })
  address_string?: string;
  @ApiPropertyOptional()
  address_id?: string;
  @ApiPropertyOptional({ description: 'echoed in the answer; not stored' })
  account_id?: string;
  @ApiPropertyOptional({ description: 'accepted, not stored (the officer contacts the person through the partner)' })
  first_name?: string;
  @ApiPropertyOptional({ description: 'accepted, not stored' })
  last_name?: string;
  @ApiPropertyOptional({ description: 'accepted, not stored' })
  phone?: string;
  @ApiPropertyOptional({ description: 'accepted, not stored' })
  email?: string;
  @ApiPropertyOptional({ description: 'accepted, not stored' })
  device_id?: string;
  @ApiPropertyOptional({ description: 'ignored: photos come only through the mini program' })
  media_url?: string;
  @ApiPropertyOptional({ name: 'attribute[community_id]', example: '7', description: 'target community; default: the partner’s' })
  'attribute[community_id]'?: string;
}

export class Open311CreatedDto {
  @ApiProperty({ example: '20261124-000124' })
  service_request_id: string;
  @ApiProperty({ example: '已转交天桥派出所胜利社区民警办理' })
  service_notice: string;
  @ApiProperty({ nullable: true, type: String })
  account_id: string | null;
  @ApiProperty({ description: 'also answered: GET tokens/{token}.json gives the id again' })
  token: string;
}

export class Open311TokenDto {
  @ApiProperty()
  token: string;
  @ApiProperty({ example: '20261124-000124' })
  service_request_id: string;
}
