import { CaseKind, CaseStatus, CASE_KIND_LABELS, CASE_STATUS_LABELS, CASE_SUBCATEGORIES, TERMINAL_STATUSES } from '@jws/contracts';

/**
 * What the public Open311 (GeoReport v2) API may say about a case. Everything that decides
 * privacy lives here, as pure functions, so the rules can be read (and tested) in one place.
 * docs/open311.md explains them.
 */

export const OPEN311_SPECIFICATION = 'http://wiki.open311.org/GeoReport_v2';

/** Kinds partner systems may submit, and the only kinds ever listed publicly. */
export const OPEN_KINDS: readonly CaseKind[] = [CaseKind.Dispute, CaseKind.Hazard, CaseKind.ServiceNeed, CaseKind.Question];

/**
 * How much of a listed case is published:
 *  - `text`: the title (with digits, e-mail addresses and known names masked), a point rounded to ~100 m;
 *  - `point`: only the category label as description, a point rounded to ~100 m;
 *  - `category`: only the category label, no point at all.
 * The free-text address and description are never published; the address is the community's name.
 */
export type PublicDetail = 'text' | 'point' | 'category';

/** Family disputes and personal service needs say something about a household: no point. */
const NO_POINT_CODES: readonly string[] = ['dispute.family'];

export function publicDetailOf(kind: CaseKind, subcategory: string): PublicDetail {
  if (kind === CaseKind.Hazard) return 'text';
  if (kind === CaseKind.Dispute && !NO_POINT_CODES.includes(serviceCodeOf(kind, subcategory))) return 'point';
  return 'category';
}

/** Whether a case may appear in the public API at all. */
export function isPubliclyListed(c: { kind: CaseKind; heldForReview: boolean }): boolean {
  return OPEN_KINDS.includes(c.kind) && !c.heldForReview;
}

export const serviceCodeOf = (kind: CaseKind, subcategory: string) => `${kind}.${subcategory}`;

export interface ServiceEntry {
  code: string;
  kind: CaseKind;
  subcategory: string;
  label: string;
  kindLabel: string;
  /** Partners may POST it (and it is listed publicly). */
  open: boolean;
}

/** Every (kind, subcategory) as a GeoReport service, in the order of the contracts. */
export const SERVICE_CATALOG: readonly ServiceEntry[] = (Object.keys(CASE_SUBCATEGORIES) as CaseKind[]).flatMap((kind) =>
  CASE_SUBCATEGORIES[kind].map((s) => ({
    code: serviceCodeOf(kind, s.code),
    kind,
    subcategory: s.code,
    label: s.label,
    kindLabel: CASE_KIND_LABELS[kind],
    open: OPEN_KINDS.includes(kind),
  })),
);

export function findService(code: string): ServiceEntry | undefined {
  return SERVICE_CATALOG.find((s) => s.code === code);
}

export function categoryLabel(kind: CaseKind, subcategory: string): string {
  const sub = CASE_SUBCATEGORIES[kind]?.find((s) => s.code === subcategory);
  return sub ? `${CASE_KIND_LABELS[kind]}·${sub.label}` : CASE_KIND_LABELS[kind] ?? '其他';
}

export const isClosedStatus = (status: CaseStatus) => TERMINAL_STATUSES.includes(status);

/** ~100 m: three decimals of a degree of latitude is 111 m. */
export function roundCoordinate(value: number | null): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  return Math.round(value * 1000) / 1000;
}

/**
 * Masks what could identify someone in a short text: runs of three or more digits (room and
 * phone numbers, ID numbers), e-mail addresses, and the given names (reporter, other party).
 */
export function redactText(text: string, names: (string | null | undefined)[] = []): string {
  let out = text;
  for (const name of names) {
    const n = name?.trim();
    if (n && n.length >= 2) out = out.split(n).join('***');
  }
  out = out.replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, '***');
  out = out.replace(/[0-9０-９][0-9０-９\s-]*[0-9０-９]/g, (run) => (run.replace(/[^0-9０-９]/g, '').length >= 3 ? '***' : run));
  return out.trim();
}

/** The case fields the public view is made from. */
export interface PublicCaseInput {
  number: string;
  kind: CaseKind;
  subcategory: string;
  title: string;
  status: CaseStatus;
  latitude: number | null;
  longitude: number | null;
  createdAt: Date;
  updatedAt: Date;
  communityName: string;
  stationName: string;
  resolutionDueAt: Date | null;
  /** Names to mask should they appear in a published title. */
  namesToMask: (string | null)[];
}

/** One GeoReport v2 service request as published. Keys absent for a case are left out. */
export interface Open311Request {
  service_request_id: string;
  status: 'open' | 'closed';
  status_notes: string;
  service_name: string;
  service_code: string;
  description: string;
  agency_responsible: string;
  service_notice: string;
  requested_datetime: string;
  updated_datetime: string;
  expected_datetime: string | null;
  address: string;
  lat?: number;
  long?: number;
}

export function toPublicRequest(c: PublicCaseInput): Open311Request {
  const detail = publicDetailOf(c.kind, c.subcategory);
  const closed = isClosedStatus(c.status);
  const service = findService(serviceCodeOf(c.kind, c.subcategory));
  const label = categoryLabel(c.kind, c.subcategory);
  const title = detail === 'text' ? redactText(c.title, c.namesToMask) : '';
  const out: Open311Request = {
    service_request_id: c.number,
    status: closed ? 'closed' : 'open',
    status_notes: CASE_STATUS_LABELS[c.status] ?? '',
    service_name: service?.label ?? label,
    service_code: serviceCodeOf(c.kind, c.subcategory),
    description: title || label,
    agency_responsible: c.stationName,
    service_notice: `由${c.stationName}${c.communityName}民警办理`,
    requested_datetime: c.createdAt.toISOString(),
    updated_datetime: c.updatedAt.toISOString(),
    expected_datetime: !closed && c.resolutionDueAt ? c.resolutionDueAt.toISOString() : null,
    address: c.communityName,
  };
  if (detail !== 'category') {
    const lat = roundCoordinate(c.latitude);
    const long = roundCoordinate(c.longitude);
    if (lat !== null && long !== null) {
      out.lat = lat;
      out.long = long;
    }
  }
  return out;
}
