import { CaseKind, CaseStatus } from '@jws/contracts';
import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { AuditService } from '../audit/audit.service';
import type { CaseEntity, PublicCaseFilter } from '../cases';
import { CasesApi } from '../cases';
import { FieldCipher } from '../personal-data/field-cipher';
import { Open311Community, Open311Repository } from './data/open311.repository';
import type { Open311PartnerEntity } from './data/open311-partner.entity';
import { hashApiKey } from './open311-demo';
import {
  findService, OPEN311_SPECIFICATION, OPEN_KINDS, Open311Request, SERVICE_CATALOG, ServiceEntry, toPublicRequest,
} from './open311-public';
import { parseCaseNumber } from '../cases/case-number';
import { Open311Exception } from './open311.errors';
import { attributeField, bodyField, coordinates, dateWindow, intParam, listParam, Params, sha256, titleOf } from './open311-params';
import type {
  Open311AttributeDto, Open311CreatedDto, Open311DiscoveryDto, Open311ServiceDefinitionDto, Open311ServiceDto, Open311TokenDto,
} from './open311.dto';

/** Date of the last change of this API's behaviour, as GeoReport discovery wants it. */
export const OPEN311_CHANGESET = '2026-11-24T00:00:00Z';

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 1000;
const MAX_IDS = 100;
const DESCRIPTION_MAX = 4000;
const ADDRESS_MAX = 200;

export interface Open311Page {
  items: Open311Request[];
  total: number;
}

/** Where a request is: the community and the station above it. */
interface Place {
  community: Open311Community;
  stationName: string;
}

/**
 * Open311 GeoReport v2 over the cases: the public read side (with the privacy rules of
 * open311-public.ts applied in the query and in the view) and submission by partner systems,
 * which become real cases through CasesService.createFromPartner.
 */
@Injectable()
export class Open311Service {
  constructor(
    private readonly cases: CasesApi,
    private readonly audit: AuditService,
    private readonly data: Open311Repository,
  ) {}

  discovery(baseUrl: string): Open311DiscoveryDto {
    return {
      changeset: OPEN311_CHANGESET,
      contact: '指尖上的警务室（市公安局社区警务）运维组，请通过所属公安机关联系',
      key_service: '合作平台（如12345政务服务便民热线）的 api_key 由市公安局统一发放；只读接口无需 api_key',
      endpoints: [
        { specification: OPEN311_SPECIFICATION, url: `${baseUrl}/open311/v2`, changeset: OPEN311_CHANGESET, type: 'production', formats: ['application/json'] },
      ],
    };
  }

  services(): Open311ServiceDto[] {
    return SERVICE_CATALOG.map((s) => ({
      service_code: s.code,
      service_name: s.label,
      description: serviceDescription(s),
      metadata: s.open,
      type: 'realtime',
      keywords: `${s.kindLabel},${s.label}`,
      group: s.kindLabel,
    }));
  }

  async serviceDefinition(code: string): Promise<Open311ServiceDefinitionDto> {
    const service = findService(code);
    if (!service) throw Open311Exception.notFound(`未知的服务类别：${code}`);
    if (!service.open) return { service_code: service.code, attributes: [] };
    const communities = await this.data.communities();
    const stations = await this.data.unitNames(communities.map((c) => c.parentId));
    const attribute: Open311AttributeDto = {
      variable: true,
      code: 'community_id',
      datatype: 'singlevaluelist',
      required: false,
      datatype_description: '目标社区；不填时使用合作平台的默认社区',
      order: 1,
      description: '社区',
      values: communities.map((c) => ({ key: String(c.id), name: `${c.name}（${stations.get(c.parentId ?? 0) ?? ''}）` })),
    };
    return { service_code: service.code, attributes: [attribute] };
  }

  /** GET requests.json: public cases, newest first, one page. */
  async list(params: Params): Promise<Open311Page> {
    const page = intParam(params, 'page', 1, 1, 1_000_000);
    const pageSize = intParam(params, 'page_size', DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
    let filter: PublicCaseFilter;
    const ids = listParam(params, 'service_request_id');
    if (ids.length) {
      // As the specification says: with ids given, the other filters are ignored.
      if (ids.length > MAX_IDS) throw Open311Exception.badRequest(`service_request_id 最多 ${MAX_IDS} 个`);
      // A number names its case's id and creation day (case-number.ts); text that is no number matches nothing.
      filter = { numbers: ids.map(parseCaseNumber).filter((n) => n !== null) };
    } else {
      const { start, end } = dateWindow(params);
      const categories = listParam(params, 'service_code').map((code) => {
        const service = findService(code);
        if (!service) throw Open311Exception.badRequest(`未知的 service_code：${code}`);
        return service;
      });
      const statuses = new Set(listParam(params, 'status').map((s) => s.toLowerCase()));
      for (const s of statuses) if (s !== 'open' && s !== 'closed') throw Open311Exception.badRequest('status 只能是 open 或 closed');
      filter = { start, end, categories, state: statuses.size === 1 ? (statuses.has('open') ? 'open' : 'closed') : undefined };
    }
    const { rows, total } = await this.cases.publicCases(OPEN_KINDS, filter, page, pageSize);
    return { items: await this.toRequests(rows), total };
  }

  /** GET requests/{id}.json: one public case, as an array of one. */
  async one(number: string): Promise<Open311Request[]> {
    const named = parseCaseNumber(number);
    const row = named ? await this.cases.publicCase(OPEN_KINDS, named) : null;
    if (!row) throw Open311Exception.notFound(`未找到服务请求 ${number.slice(0, 32)}`);
    return this.toRequests([row]);
  }

  async token(token: string): Promise<Open311TokenDto[]> {
    const row = /^[\w-]{1,64}$/.test(token) ? await this.data.token(token) : null;
    const number = row ? (await this.cases.records.numbers([row.caseId])).get(row.caseId) : undefined;
    if (!row || !number) throw Open311Exception.notFound('未找到该 token');
    return [{ token, service_request_id: number }];
  }

  /**
   * POST requests.json from a partner system. The same Idempotency-Key (per partner) and body
   * answer the same request again; without a key every POST is a new request.
   */
  async create(body: Params, idempotencyKey: string | undefined, ip: string | null): Promise<Open311CreatedDto[]> {
    const partner = await this.partnerFor(bodyField(body, 'api_key'), ip);
    const code = bodyField(body, 'service_code');
    if (!code) throw Open311Exception.badRequest('缺少 service_code');
    const service = findService(code);
    if (!service) throw Open311Exception.badRequest(`未知的 service_code：${code}`);
    if (!service.open) {
      throw Open311Exception.badRequest(`“${service.kindLabel}”只接受群众通过“指尖上的警务室”小程序上报，合作平台不能提交`);
    }
    const description = bodyField(body, 'description');
    if (!description) throw Open311Exception.badRequest('缺少 description（诉求内容）');
    if (description.length > DESCRIPTION_MAX) throw Open311Exception.badRequest(`description 不能超过 ${DESCRIPTION_MAX} 字`);
    const point = coordinates(body);
    const address = bodyField(body, 'address_string') ?? null;
    if (address && address.length > ADDRESS_MAX) throw Open311Exception.badRequest(`address_string 不能超过 ${ADDRESS_MAX} 字`);
    if (!point && !address) throw Open311Exception.badRequest('请提供位置：lat 和 long，或 address_string');
    const place = await this.targetCommunity(attributeField(body, 'community_id'), partner);
    if (idempotencyKey !== undefined && !/^[\w-]{8,64}$/.test(idempotencyKey)) {
      throw Open311Exception.badRequest('Idempotency-Key 须为 8–64 位字母、数字、下划线或连字符');
    }
    const accountId = bodyField(body, 'account_id')?.slice(0, 64) ?? null;

    const requestHash = sha256(JSON.stringify({ code, description, point, address, community: place.community.id }));
    const token = idempotencyKey ? sha256(`${partner.id}:${idempotencyKey}`).slice(0, 40) : randomBytes(20).toString('hex');
    const answer = (number: string): Open311CreatedDto[] => [
      { service_request_id: number, service_notice: `已转交${place.stationName}${place.community.name}民警办理`, account_id: accountId, token },
    ];
    const replay = await this.replay(token, partner, requestHash);
    if (replay) return answer(replay);

    let created: CaseEntity;
    try {
      created = await this.cases.createFromPartner(
        {
          partnerName: partner.name,
          reporterKey: FieldCipher.blindIndex(`open311-partner:${partner.id}`),
          communityId: place.community.id,
          kind: service.kind,
          subcategory: service.subcategory,
          title: titleOf(description, service.label),
          description,
          addressText: address,
          latitude: point?.lat ?? null,
          longitude: point?.long ?? null,
        },
        async (m, caseId) => {
          await this.data.addToken(m, { token, caseId, partnerId: partner.id, requestHash, createdAt: new Date() });
        },
      );
    } catch (err) {
      // A concurrent retry with the same key committed first: answer with its request.
      const again = await this.replay(token, partner, requestHash);
      if (again) return answer(again);
      throw err;
    }
    await this.audit.record(
      { userId: null, ip, requestId: null },
      { action: 'open311.request_created', targetType: 'case', targetId: created.id, detail: `partner ${partner.id} ${partner.name}` },
    );
    return answer(created.number);
  }

  private async replay(token: string, partner: Open311PartnerEntity, requestHash: string): Promise<string | null> {
    const row = await this.data.token(token);
    if (!row) return null;
    if (row.partnerId !== partner.id || row.requestHash !== requestHash) {
      throw new Open311Exception(409, '该 Idempotency-Key 已用于内容不同的请求，请勿重复使用');
    }
    return (await this.cases.records.numbers([row.caseId])).get(row.caseId) ?? null;
  }

  private async partnerFor(apiKey: string | undefined, ip: string | null): Promise<Open311PartnerEntity> {
    const partner = apiKey && apiKey.length <= 200
      ? await this.data.partnerByKeyHash(hashApiKey(apiKey))
      : null;
    if (!partner) {
      await this.audit.record({ userId: null, ip, requestId: null }, { action: 'open311.key_rejected', outcome: 'denied', detail: apiKey ? 'unknown api_key' : 'no api_key' });
      throw new Open311Exception(403, apiKey ? 'api_key 无效，无法提交' : '缺少 api_key，无法提交');
    }
    return partner;
  }

  private async targetCommunity(raw: string | undefined, partner: Open311PartnerEntity): Promise<Place> {
    let communityId: number | null = partner.communityId;
    if (raw !== undefined) {
      if (!/^\d{1,9}$/.test(raw)) throw Open311Exception.badRequest('attribute[community_id] 须为社区编号');
      communityId = Number(raw);
    } else if (communityId === null) {
      throw Open311Exception.badRequest('请用 attribute[community_id] 指定社区（见 services/{service_code}.json）');
    }
    const community = await this.data.community(communityId);
    if (!community) throw Open311Exception.badRequest(`未知的社区：${communityId}`);
    const stations = await this.data.unitNames([community.parentId]);
    return { community, stationName: stations.get(community.parentId ?? 0) ?? '' };
  }

  private async toRequests(rows: CaseEntity[]): Promise<Open311Request[]> {
    if (!rows.length) return [];
    const communityById = await this.data.communitiesById(rows.map((r) => r.communityId));
    const stations = await this.data.unitNames([...communityById.values()].map((c) => c.parentId));
    const dueByCase = await this.cases.records.dueAt(rows.map((r) => r.id), 'resolution');
    return rows.map((r) => {
      const community = communityById.get(r.communityId);
      return toPublicRequest({
        number: r.number,
        kind: r.kind as CaseKind,
        subcategory: r.subcategory,
        status: r.status as CaseStatus,
        latitude: r.latitude,
        longitude: r.longitude,
        createdAt: r.createdAt,
        updatedAt: r.updatedAt,
        communityName: community?.name ?? '',
        stationName: stations.get(community?.parentId ?? 0) ?? '',
        resolutionDueAt: dueByCase.get(r.id) ?? null,
      });
    });
  }
}

function serviceDescription(s: ServiceEntry): string {
  return s.open
    ? `${s.kindLabel}：${s.label}。合作平台可通过本接口提交；公开列表只含类别、状态、时间和社区。`
    : `${s.kindLabel}：${s.label}。仅限群众通过“指尖上的警务室”小程序上报（可保密），合作平台不能提交，也不对外公开。`;
}
