/**
 * Group commit for writes a request waits for but need not send alone (audit entries): an item
 * added while no write is in flight is written at once; items added while one is in flight are
 * written together by the next, in one statement. So nothing waits for a timer, and under load
 * fifty concurrent requests' entries cost one INSERT instead of fifty. Each `add` resolves once its
 * item is written (a request still answers only after its entry is stored), and rejects if it
 * could not be: a failed batch is retried item by item, so one bad item fails only its request.
 */
export class GroupCommit<T> {
  private pending: { item: T; resolve: () => void; reject: (err: unknown) => void }[] = [];
  private writing = false;

  constructor(
    private readonly write: (items: T[]) => Promise<void>,
    private readonly maxBatch = 200,
  ) {}

  add(item: T): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      if (!this.writing) void this.drain();
    });
  }

  /** Items waiting or being written. */
  get size(): number {
    return this.pending.length;
  }

  private async drain(): Promise<void> {
    this.writing = true;
    try {
      while (this.pending.length) {
        const batch = this.pending.splice(0, this.maxBatch);
        try {
          await this.write(batch.map((p) => p.item));
          for (const p of batch) p.resolve();
        } catch (err) {
          if (batch.length === 1) {
            batch[0].reject(err);
            continue;
          }
          for (const p of batch) {
            try {
              await this.write([p.item]);
              p.resolve();
            } catch (one) {
              p.reject(one);
            }
          }
        }
      }
    } finally {
      this.writing = false;
    }
  }
}
