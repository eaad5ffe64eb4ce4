import { QueryTooComplexError } from '../errors.js';
import { LIMITS } from '../limits.js';
import { FairScheduler } from './FairScheduler.js';

/** The scheduler of the process; tests and the app may pass their own. */
export const sharedScheduler = new FairScheduler();

/**
 * What one request may still spend: time (its deadline) and items of lists without a page size
 * (a municipality's partnerships, a partnership's parties, ...), which the cost estimate can only
 * guess. Created per request with the context.
 */
export class RequestBudget {
  private itemsLeft: number;
  readonly deadline: number;

  constructor(
    /** Who is asking: a token's name, else the client's address. Turns are shared per client. */
    readonly client: string,
    private readonly scheduler: FairScheduler = sharedScheduler,
    private readonly timeMs: number = LIMITS.requestTimeMs,
    private readonly maxItems: number = LIMITS.unpagedItems,
    now: number = Date.now(),
  ) {
    this.deadline = now + timeMs;
    this.itemsLeft = maxItems;
  }

  /** Runs an expensive step in this client's next turn (see FairScheduler); TIMEOUT past the deadline. */
  step<T>(work: () => Promise<T> | T): Promise<T> {
    return this.scheduler.run(this.client, this.deadline, this.timeMs, work);
  }

  /** Counts items returned by an unpaged list; QUERY_TOO_COMPLEX once the request has had too many. */
  chargeItems(count: number): void {
    this.itemsLeft -= count;
    if (this.itemsLeft < 0)
      throw new QueryTooComplexError(this.maxItems - this.itemsLeft, this.maxItems, 'list items returned by lists without a page size');
  }
}
