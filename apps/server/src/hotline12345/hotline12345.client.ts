import { CreateWorkOrderBody, GOVERNANCE_REPORTS_PATH, WORK_ORDERS_PATH, WorkOrder } from './protocol';

/** A failed call to 12345; `retryable` for network errors, timeouts, 429 and 5xx. */
export class HotlineApiError extends Error {
  constructor(message: string, readonly status: number | null, readonly retryable: boolean) {
    super(message);
  }
}

/**
 * HTTP client of the 12345 work-order endpoint. The bearer token goes in a header only and is
 * never part of an error message.
 */
export class Hotline12345Client {
  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
    private readonly timeoutMs = 10_000,
  ) {}

  /** Creates the order, or returns the one 12345 already made for this idempotency key. */
  createOrder(body: CreateWorkOrderBody, idempotencyKey: string): Promise<WorkOrder> {
    return this.call<WorkOrder>('POST', WORK_ORDERS_PATH, body, { 'Idempotency-Key': idempotencyKey });
  }

  getOrder(orderNo: string): Promise<WorkOrder> {
    return this.call<WorkOrder>('GET', `${WORK_ORDERS_PATH}/${encodeURIComponent(orderNo)}`);
  }

  /** A serious-risk report to the 综治 platform (same gateway, same credentials). */
  async report(body: object, idempotencyKey: string): Promise<void> {
    await this.call<unknown>('POST', GOVERNANCE_REPORTS_PATH, body, { 'Idempotency-Key': idempotencyKey });
  }

  private async call<T>(method: string, path: string, body?: object, headers: Record<string, string> = {}): Promise<T> {
    let res: Response;
    try {
      res = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers: { Authorization: `Bearer ${this.token}`, Accept: 'application/json', ...(body ? { 'Content-Type': 'application/json' } : {}), ...headers },
        body: body ? JSON.stringify(body) : undefined,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (err) {
      throw new HotlineApiError(`12345 unreachable: ${err instanceof Error ? err.message : String(err)}`, null, true);
    }
    const text = await res.text();
    if (!res.ok) {
      const retryable = res.status === 429 || res.status >= 500;
      throw new HotlineApiError(`12345 answered HTTP ${res.status}: ${text.slice(0, 120)}`, res.status, retryable);
    }
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new HotlineApiError('12345 answered something that is not JSON', res.status, true);
    }
  }
}
