/**
 * The 12345 work-order protocol we speak (docs/integrations/12345.md). Shared by our client, the
 * webhook endpoint and the fake server, so the three cannot drift apart.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const WORK_ORDERS_PATH = '/api/v1/work-orders';
export const GOVERNANCE_REPORTS_PATH = '/api/v1/governance-reports';
export const SIGNATURE_HEADER = 'x-jws-signature';
export const TIMESTAMP_HEADER = 'x-jws-timestamp';
/** A webhook older or newer than this is refused (replay protection). */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

export type WorkOrderState = 'received' | 'accepted' | 'processing' | 'replied' | 'rejected';
export const WORK_ORDER_STATES: readonly WorkOrderState[] = ['received', 'accepted', 'processing', 'replied', 'rejected'];

export interface CreateWorkOrderBody {
  /** Our reference (the referral), shown to 12345 operators. */
  externalRef: string;
  title: string;
  content: string;
  category: string;
  /** Community and address of the matter; never the resident's name or phone. */
  location: string;
  /** The named station contact 12345 may call. */
  contact: { name: string; phone: string | null; unit: string };
  replyDueAt: string;
  callbackUrl: string;
}

export interface WorkOrder {
  orderNo: string;
  status: WorkOrderState;
  updatedAt: string;
  /** Present once replied or rejected. */
  reply: { outcome: string; department: string; at: string } | null;
}

/** What 12345 posts to our webhook when an order changes. */
export interface WorkOrderEvent {
  eventId: string;
  orderNo: string;
  status: WorkOrderState;
  reply: WorkOrder['reply'];
  at: string;
}

export function signPayload(secret: string, timestamp: string, rawBody: Buffer | string): string {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex');
}

/** Constant-time check of a webhook signature and its timestamp window. */
export function verifySignature(
  secret: string,
  headers: { signature: string | undefined; timestamp: string | undefined },
  rawBody: Buffer,
  nowMs = Date.now(),
): boolean {
  const { signature, timestamp } = headers;
  if (!signature || !timestamp || !/^\d{1,12}$/.test(timestamp) || !/^[0-9a-f]{64}$/.test(signature)) return false;
  if (Math.abs(nowMs / 1000 - Number(timestamp)) > SIGNATURE_TOLERANCE_SECONDS) return false;
  const expected = Buffer.from(signPayload(secret, timestamp, rawBody), 'hex');
  return timingSafeEqual(expected, Buffer.from(signature, 'hex'));
}
