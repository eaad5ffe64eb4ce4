import type express from 'express';
import { sendJsonError } from '../httpHygiene.js';

export interface ConcurrencyLimits {
  /** Requests of one client served at the same time. */
  inFlight: number;
  /** Requests of one client waiting for a free place; more are refused with 429. */
  waiting: number;
}

interface ClientState {
  inFlight: number;
  waiting: (() => void)[];
}

/**
 * At most `inFlight` requests per client at once (the rest wait in order, up to `waiting`, then
 * 429 TOO_MANY_REQUESTS), so one client sending many requests in parallel cannot take every turn
 * from the others. `clientOf` names the client: the token's name, else the address.
 */
export function clientConcurrency(limits: ConcurrencyLimits, clientOf: (req: express.Request) => string): express.RequestHandler {
  const clients = new Map<string, ClientState>();
  return (req, res, next) => {
    const key = clientOf(req);
    let state = clients.get(key);
    if (!state) {
      state = { inFlight: 0, waiting: [] };
      clients.set(key, state);
    }
    const client = state;
    const release = () => {
      client.inFlight--;
      const waiter = client.waiting.shift();
      if (waiter) waiter();
      else if (client.inFlight === 0) clients.delete(key);
    };
    const start = () => {
      if (req.socket.destroyed) {
        // Gone while waiting: give its place to the next one.
        const waiter = client.waiting.shift();
        if (waiter) waiter();
        else if (client.inFlight === 0) clients.delete(key);
        return;
      }
      client.inFlight++;
      let released = false;
      res.once('close', () => {
        if (!released) {
          released = true;
          release();
        }
      });
      next();
    };
    if (client.inFlight < limits.inFlight) start();
    else if (client.waiting.length < limits.waiting) client.waiting.push(start);
    else {
      res.setHeader('Retry-After', '1');
      sendJsonError(
        res,
        429,
        `Too many requests at once from this client (at most ${limits.inFlight} at a time and ${limits.waiting} waiting): wait for answers before sending more.`,
        'TOO_MANY_REQUESTS',
      );
    }
  };
}
