import {
  ASSIST_MODE_LABELS, Anonymity, CASE_SUBCATEGORIES, CaseKind, CaseDetail, ContactPreference, ErrorCode, Permission, ROUTE_TYPE_LABELS, RouteType,
  SERVICE_CATALOGUE, ServiceGuideSearchResult, ServiceMatter, ServiceMatterVersion, ServiceMatterView, searchMatters,
} from '@jws/contracts';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AuditService } from '../audit';
import { CaseWorkflowService } from '../cases/case-workflow.service';
import { viewerOf } from '../cases/case-views';
import { CasesApi } from '../cases';
import { Database } from '../common/db';
import { DomainException } from '../common/domain.exception';
import type { Caller } from '../common/request-context';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { CaseAssistsRepository } from './data/case-assists.repository';
import { contentOf } from './data/catalogue-revision';
import type { ServiceMatterEntity } from './data/service-matter.entity';
import { ServiceMattersRepository } from './data/service-matters.repository';
import { AssistDto, AssistPlanDto, ServiceMatterUpdateDto } from './service-guide.dto';

export const AuditActionGuide = { MatterEdited: 'service_guide.matter_edited' } as const;

/** 办事指引: the versioned catalogue, its public search, and 请民警协助 service cases. */
/** Words as an editor typed them, each once: trimmed, blanks dropped, repeats (暂住证、暂住证) kept at their first place. */
export function distinctWords(words: string[]): string[] {
  return [...new Set(words.map((w) => w.trim()).filter(Boolean))];
}

@Injectable()
export class ServiceGuideService implements OnApplicationBootstrap {
  private readonly logger = new Logger(ServiceGuideService.name);

  constructor(
    private readonly cases: CasesApi,
    private readonly workflow: CaseWorkflowService,
    private readonly audit: AuditService,
    private readonly db: Database,
    private readonly matters: ServiceMattersRepository,
    private readonly assists: CaseAssistsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Seeds matters of the contracts catalogue that the database does not have yet (version 1). */
  async onApplicationBootstrap(): Promise<void> {
    const added = await this.seedCatalogue();
    if (added) this.logger.log(`办事指引: ${added} matters seeded`);
  }

  async seedCatalogue(): Promise<number> {
    const known = await this.matters.codes();
    const missing = SERVICE_CATALOGUE.filter((m) => !known.has(m.code));
    if (!missing.length) return 0;
    const now = new Date();
    await this.matters.seed(missing.map((m) => ({ code: m.code, version: 1, title: m.title, content: JSON.stringify(contentOf(m)), isCurrent: true, editedBy: null, createdAt: now })));
    return missing.length;
  }

  /**
   * The current version of every matter in a stable order: where its first version stands. Each
   * edit writes a row with a higher id, so ordering by the current row's id would move an edited
   * matter to the end (and past the 10 common matters of 首页).
   */
  private async current(): Promise<ServiceMatterView[]> {
    const { rows, firstIds: position } = await this.matters.currentWithPlaces();
    const placeOf = (row: ServiceMatterEntity) => position.get(row.code) ?? row.id;
    return rows.sort((a, b) => placeOf(a) - placeOf(b)).map((r) => this.view(r));
  }

  /** Every current matter in the guide's order, for the admins' editor list. */
  async list(): Promise<ServiceMatterView[]> {
    return this.current();
  }

  private view(row: ServiceMatterEntity): ServiceMatterView {
    const content = JSON.parse(row.content) as Omit<ServiceMatter, 'code'>;
    const wst = this.config.wanshitong;
    return {
      ...content,
      code: row.code,
      version: row.version,
      routes: content.routes.map((r) => (r.type === RouteType.WanShiTong ? { ...r, miniProgram: wst ? { appId: wst.appId, path: wst.path } : null } : r)),
    };
  }

  async search(query: string | undefined): Promise<ServiceGuideSearchResult> {
    const q = (query ?? '').trim();
    const matters = searchMatters(await this.current(), q);
    const weak = q !== '' && matters.length === 0;
    return { query: q, matters, suggestHotline: weak, suggestPoliceHelp: weak };
  }

  async matter(code: string): Promise<ServiceMatterView> {
    const row = await this.matters.current(code);
    if (!row) throw new DomainException(ErrorCode.MatterNotFound);
    return this.view(row);
  }

  /** Every version of a matter, newest first (admins). */
  async history(code: string): Promise<ServiceMatterVersion[]> {
    const rows = await this.matters.versions(code);
    if (!rows.length) throw new DomainException(ErrorCode.MatterNotFound);
    return rows.map((r) => ({ ...this.view(r), savedAt: r.createdAt.toISOString(), current: r.isCurrent }));
  }

  /** An admin's edit: a new current version; the old one stays on record. */
  async update(caller: Caller, code: string, dto: ServiceMatterUpdateDto): Promise<ServiceMatterView> {
    const validSubcategory = (t: { kind: CaseKind; subcategory: string }) => CASE_SUBCATEGORIES[t.kind].some((s) => s.code === t.subcategory);
    if (!validSubcategory(dto.assist) || dto.routes.some((r) => r.report && !validSubcategory(r.report))) throw new DomainException(ErrorCode.SubcategoryInvalid);
    const saved = await this.db.transaction(async ({ manager: m }) => {
      const latest = await this.matters.latest(m, code);
      if (!latest) throw new DomainException(ErrorCode.MatterNotFound);
      const content: Omit<ServiceMatter, 'code'> = {
        title: dto.title.trim(), category: dto.category.trim(), synonyms: distinctWords(dto.synonyms), phrases: distinctWords(dto.phrases), summary: dto.summary.trim(),
        routes: dto.routes.map((r) => ({ ...r })), assist: { ...dto.assist }, common: dto.common ?? false,
        ...(dto.emergency ? { emergency: { ...dto.emergency } } : {}),
      };
      // The unique (code, version) index refuses a concurrent edit of the same version.
      const row = await this.matters.supersede(m, {
        code, version: latest.version + 1, title: content.title, content: JSON.stringify(content), isCurrent: true, editedBy: caller.user.id, createdAt: new Date(),
      });
      await this.audit.recordFor(caller, { action: AuditActionGuide.MatterEdited, targetType: 'service_matter', targetId: code, detail: `v${row.version}` }, m);
      return row;
    });
    return this.view(saved);
  }

  /**
   * 请民警协助: a resident who cannot do the matter alone gets a service case with the matter and
   * route filled in, through the one CasesService (idempotent by the same key as any report).
   */
  async assist(caller: Caller, code: string, dto: AssistDto, idempotencyKey: string | undefined): Promise<CaseDetail> {
    const matter = await this.matter(code);
    const route = matter.routes.find((r) => r.type === dto.routeType);
    const routeLabel = route?.title ?? ROUTE_TYPE_LABELS[dto.routeType];
    const detail = await this.cases.create(
      caller,
      {
        kind: matter.assist.kind,
        subcategory: matter.assist.subcategory,
        title: `请民警协助：${matter.title}`.slice(0, 50),
        description: `${dto.note.trim()}\n（办事指引：${matter.title}；办理途径：${routeLabel}）`.slice(0, 1000),
        contactPreference: ContactPreference.InApp,
        anonymity: Anonymity.None,
        ...(dto.communityId ? { communityId: dto.communityId } : {}),
      },
      idempotencyKey,
    );
    // A retried request replays the same case; the record is written once.
    await this.assists.insertOnce({
      caseId: detail.id, matterCode: matter.code, matterVersion: matter.version, routeType: dto.routeType, helperName: null, mode: null, plannedBy: null, plannedAt: null,
    });
    return detail;
  }

  /** Hard cases: the officer names a helper and a mode (网上帮办, 窗口陪办, 上门服务), told to the resident. */
  async plan(caller: Caller, caseId: number, dto: AssistPlanDto): Promise<CaseDetail> {
    const entity = await this.cases.requireCase(caller, caseId, Permission.CaseRead);
    if (!viewerOf(caller, entity).isStaff || !caller.permissions.has(Permission.CaseHandle)) throw new DomainException(ErrorCode.Forbidden);
    const plan = { helperName: dto.helperName.trim(), mode: dto.mode, plannedBy: caller.user.id, plannedAt: new Date() };
    await this.assists.plan(caseId, plan, { matterCode: 'other', matterVersion: 0, routeType: RouteType.Station });
    const note = `已安排${plan.helperName}为您${ASSIST_MODE_LABELS[dto.mode]}${dto.note?.trim() ? `：${dto.note.trim()}` : ''}`;
    return this.workflow.addNote(caller, caseId, { note, internal: false });
  }

  /** The matter, route and plan of a case, for whoever may see the case. */
  async assistOf(caller: Caller, caseId: number): Promise<{ matterCode: string; matterTitle: string | null; routeType: RouteType; helperName: string | null; mode: string | null } | null> {
    await this.cases.requireCase(caller, caseId, Permission.CaseRead);
    const row = await this.assists.find(caseId);
    if (!row) return null;
    const matter = await this.matters.current(row.matterCode);
    return { matterCode: row.matterCode, matterTitle: matter?.title ?? null, routeType: row.routeType, helperName: row.helperName, mode: row.mode };
  }
}
