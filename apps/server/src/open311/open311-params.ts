import { CASE_TITLE_MAX } from '@jws/contracts';
import { createHash } from 'node:crypto';
import { Open311Exception } from './open311.errors';

/** Query and form fields of Open311 requests, read strictly: anything malformed is a 400 in Chinese. */
export type Params = Record<string, unknown>;

const DEFAULT_WINDOW_DAYS = 90;

export const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** The title of a partner's request: the first line of its description. */
export function titleOf(description: string, fallback: string): string {
  const first = description.split(/\r?\n/).map((l) => l.replace(/\s+/g, ' ').trim()).find(Boolean) ?? '';
  return (first || fallback).slice(0, CASE_TITLE_MAX);
}

/** A scalar query value; repeated parameters (`status=open&status=closed`) join with commas. */
export function queryField(params: Params, name: string): string | undefined {
  const value = params[name];
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.join(',');
  if (typeof value !== 'string') throw Open311Exception.badRequest(`参数 ${name} 格式不正确`);
  return value.trim() || undefined;
}

export function listParam(params: Params, name: string): string[] {
  return (queryField(params, name) ?? '').split(',').map((s) => s.trim()).filter(Boolean);
}

export function intParam(params: Params, name: string, dflt: number, min: number, max: number): number {
  const raw = queryField(params, name);
  if (raw === undefined) return dflt;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < min || n > max) throw Open311Exception.badRequest(`${name} 须为 ${min}–${max} 的整数`);
  return n;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

export function dateParam(params: Params, name: string): Date | undefined {
  const raw = queryField(params, name);
  if (raw === undefined) return undefined;
  // An unencoded "+" of a UTC offset arrives as a space.
  const text = raw.replace(/ (\d{2}:?\d{2})$/, '+$1');
  const at = ISO_DATE.test(text) ? new Date(text) : null;
  if (!at || Number.isNaN(at.getTime())) throw Open311Exception.badRequest(`${name} 须为 ISO 8601 时间，例如 2026-11-24T08:00:00+08:00`);
  return at;
}

/** start_date/end_date; without either, the last 90 days (as the specification suggests). */
export function dateWindow(params: Params): { start: Date; end: Date } {
  const start = dateParam(params, 'start_date');
  const end = dateParam(params, 'end_date');
  const window = DEFAULT_WINDOW_DAYS * 86_400_000;
  const resolvedEnd = end ?? new Date();
  const resolvedStart = start ?? new Date(resolvedEnd.getTime() - window);
  if (resolvedStart.getTime() > resolvedEnd.getTime()) throw Open311Exception.badRequest('start_date 不能晚于 end_date');
  return { start: resolvedStart, end: resolvedEnd };
}

/** A POST field (JSON or form): text or a number; anything else is refused. */
export function bodyField(body: Params, name: string): string | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') throw Open311Exception.badRequest(`${name} 格式不正确`);
  return value.trim() || undefined;
}

/** `attribute[code]`: nested by the form parser (`attribute: { code }`) or flat in JSON. */
export function attributeField(body: Params, code: string): string | undefined {
  const nested = body.attribute;
  if (nested !== undefined && (typeof nested !== 'object' || nested === null || Array.isArray(nested))) {
    throw Open311Exception.badRequest('attribute 格式不正确');
  }
  const fromNested = nested ? bodyField(nested as Params, code) : undefined;
  return fromNested ?? bodyField(body, `attribute[${code}]`);
}

export function coordinates(body: Params): { lat: number; long: number } | null {
  const lat = bodyField(body, 'lat');
  const long = bodyField(body, 'long');
  if (lat === undefined && long === undefined) return null;
  if (lat === undefined || long === undefined) throw Open311Exception.badRequest('lat 和 long 须同时提供');
  const la = Number(lat);
  const lo = Number(long);
  if (!Number.isFinite(la) || !Number.isFinite(lo) || Math.abs(la) > 90 || Math.abs(lo) > 180) {
    throw Open311Exception.badRequest('lat/long 不是有效的经纬度');
  }
  return { lat: la, long: lo };
}
