import { GraphQLError } from 'graphql';

/** A request ran past its time budget (LIMITS.requestTimeMs): the fields still waiting are refused. */
export class RequestTimeoutError extends GraphQLError {
  constructor(budgetMs: number) {
    super(
      `This request ran out of time (its budget is ${budgetMs / 1000} s) before this field was computed. Ask for fewer or cheaper fields (aliases of analysis fields add up), or split the request.`,
      {
        extensions: { code: 'TIMEOUT', budgetMs },
      },
    );
  }
}

interface Job {
  deadline: number;
  budgetMs: number;
  start: () => void;
  reject: (e: unknown) => void;
}

/**
 * Expensive steps (one analysis or search field each) start one per turn of the event loop,
 * taken round-robin from the clients that have some waiting. Between two steps the server reads
 * sockets and answers cheap requests, so twenty aliased analysis fields from one client delay a
 * node look-up by one step, not twenty; and a client with many waiting steps gets no more turns
 * than a client with one. A step whose request is past its deadline is refused, not started.
 * When nobody waits and no step has started in the current turn, a step starts at once (it is
 * that turn's step), so a lone small request does not pay an extra loop iteration.
 */
export class FairScheduler {
  private readonly queues = new Map<string, Job[]>();
  private scheduled = false;
  /** A step has started since the last check phase: the next one waits for its turn. */
  private turnTaken = false;
  private readonly endTurn = () => {
    this.turnTaken = false;
  };

  constructor(private readonly now: () => number = Date.now) {}

  /** Runs `work` in the client's next turn; RequestTimeoutError if the deadline has passed by then. */
  run<T>(client: string, deadline: number, budgetMs: number, work: () => Promise<T> | T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const start = () => {
        try {
          Promise.resolve(work()).then(resolve, reject);
        } catch (e) {
          reject(e);
        }
      };
      // Nobody waits and no step has run in this turn of the loop: this step is the turn, and
      // starts at once instead of one loop iteration later (a small request's fixed cost).
      if (!this.turnTaken && this.queues.size === 0) {
        this.takeTurn();
        if (this.now() > deadline) reject(new RequestTimeoutError(budgetMs));
        else start();
        return;
      }
      let queue = this.queues.get(client);
      if (!queue) {
        queue = [];
        this.queues.set(client, queue);
      }
      queue.push({ deadline, budgetMs, start, reject });
      this.schedule();
    });
  }

  /** Steps waiting, all clients together. */
  get waiting(): number {
    let n = 0;
    for (const q of this.queues.values()) n += q.length;
    return n;
  }

  private takeTurn(): void {
    if (this.turnTaken) return;
    this.turnTaken = true;
    setImmediate(this.endTurn);
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.turn());
  }

  private turn(): void {
    this.scheduled = false;
    // The first client in the map goes now and, if it has more, to the back of the line.
    const next = this.queues.entries().next();
    if (next.done) return;
    const [client, queue] = next.value;
    const job = queue.shift()!;
    this.queues.delete(client);
    if (queue.length > 0) this.queues.set(client, queue);
    if (this.queues.size > 0) this.schedule();
    this.takeTurn();
    if (this.now() > job.deadline) job.reject(new RequestTimeoutError(job.budgetMs));
    else job.start();
  }
}
