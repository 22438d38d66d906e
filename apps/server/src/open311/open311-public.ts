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
 * How much of a listed case is published. The description is always the category label: no text
 * a resident wrote is published, not even a masked title (masking cannot catch a phone number
 * written as 一三九一二三四五六七八, nor the name of a third person).
 *  - `point`: a point rounded to ~100 m;
 *  - `category`: no point at all.
 * The free-text address is never published either; the address is the community's name.
 */
export type PublicDetail = 'point' | 'category';

/** Family disputes and personal service needs say something about a household: no point. */
const NO_POINT_CODES: readonly string[] = ['dispute.family'];

export function publicDetailOf(kind: CaseKind, subcategory: string): PublicDetail {
  if (kind === CaseKind.Hazard) return 'point';
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

/** The case fields the public view is made from: none of them is text a resident wrote. */
export interface PublicCaseInput {
  number: string;
  kind: CaseKind;
  subcategory: string;
  status: CaseStatus;
  latitude: number | null;
  longitude: number | null;
  createdAt: Date;
  updatedAt: Date;
  communityName: string;
  stationName: string;
  resolutionDueAt: Date | null;
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
  const out: Open311Request = {
    service_request_id: c.number,
    status: closed ? 'closed' : 'open',
    status_notes: CASE_STATUS_LABELS[c.status] ?? '',
    service_name: service?.label ?? label,
    service_code: serviceCodeOf(c.kind, c.subcategory),
    description: label,
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
