import { readFileSync } from 'node:fs';
import { WikidataError } from './errors.js';
import { parseSparqlResults, type SparqlResults } from './sparqlJson.js';
import { twinningsQuery, WIKIDATA_SPARQL_ENDPOINT, type WikidataScope } from './query.js';

/**
 * The Wikidata Query Service client, keeping the service's rules
 * (https://www.mediawiki.org/wiki/Wikidata_Query_Service/User_Manual#Query_limits and the
 * Wikimedia User-Agent policy): a User-Agent that names this program, its version and a contact;
 * one request per country or per batch of at most 50 QIDs, one at a time; a timeout per request;
 * on 429 (too many requests) and 5xx a retry after the Retry-After the service gives, else after
 * an exponential backoff, at most `maxAttempts` tries. Everything that can fail says so in one line
 * with a stable code (WikidataError). The fetch and the sleep are injectable: tests never touch
 * the network.
 */

export type FetchLike = (url: string, init: { method: string; headers: Record<string, string>; signal: AbortSignal }) => Promise<Response>;

export interface WikidataClientOptions {
  fetch?: FetchLike;
  /** Waits `ms` (tests pass one that records and returns at once). */
  sleep?: (ms: number) => Promise<void>;
  userAgent?: string;
  /** Per request (default 70 s: the service stops a query after 60 s). */
  timeoutMs?: number;
  /** Tries per request, the first included (default 5). */
  maxAttempts?: number;
  /** First backoff (default 1 s), doubled at each retry, at most `maxBackoffMs` (default 60 s). */
  backoffMs?: number;
  maxBackoffMs?: number;
  /** QIDs per request (default 50). */
  batchSize?: number;
  endpoint?: string;
  /** Told before each request and each wait (for a progress line). */
  onEvent?: (event: string) => void;
}

const HOST = 'query.wikidata.org';
const OFFLINE_HINT = 'Check your connection or use --file <saved response.json>';
/** Node's fetch wraps these in "fetch failed": no route to the service at all, not worth a retry. */
const UNREACHABLE = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'ENETUNREACH', 'EHOSTUNREACH', 'ENETDOWN']);

/** The User-Agent the policy asks for: "CooperationAtlas/0.1.0 (<contact>) node/20.19.0". */
export function defaultUserAgent(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../../../package.json', import.meta.url), 'utf8')) as {
    version: string;
    homepage?: string;
    repository?: string | { url?: string };
  };
  const repository = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
  const contact = process.env.ATLAS_CONTACT ?? pkg.homepage ?? repository ?? 'no contact configured: set ATLAS_CONTACT';
  return `CooperationAtlas/${pkg.version} (${contact}; twinnings importer) node/${process.versions.node}`;
}

/** The scope in requests: one per country, and the QIDs in batches. */
export function requestsOf(countries: readonly string[], qids: readonly string[], batchSize = 50): WikidataScope[] {
  const scopes: WikidataScope[] = countries.map((country) => ({ country }));
  const unique = [...new Set(qids)];
  for (let i = 0; i < unique.length; i += batchSize) scopes.push({ qids: unique.slice(i, i + batchSize) });
  return scopes;
}

/** Asks the service for every scope, one request after another; the answers' rows, concatenated. */
export async function fetchTwinnings(scopes: readonly WikidataScope[], options: WikidataClientOptions = {}): Promise<SparqlResults> {
  const results: SparqlResults = { head: { vars: [] }, results: { bindings: [] } };
  for (const [i, scope] of scopes.entries()) {
    options.onEvent?.(`Asking ${HOST} (${i + 1} of ${scopes.length}: ${describeScope(scope)})…`);
    const answer = await sparqlRequest(twinningsQuery(scope), options);
    results.head.vars = [...new Set([...results.head.vars, ...answer.head.vars])];
    for (const b of answer.results.bindings) results.results.bindings.push(b);
  }
  return results;
}

export function describeScope(scope: WikidataScope): string {
  return 'country' in scope ? `country ${scope.country}` : `${scope.qids.length} item${scope.qids.length === 1 ? '' : 's'}`;
}

/** One query, with the retries; the parsed answer. */
export async function sparqlRequest(query: string, options: WikidataClientOptions = {}): Promise<SparqlResults> {
  const doFetch: FetchLike = options.fetch ?? ((url, init) => fetch(url, init));
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const maxAttempts = options.maxAttempts ?? 5;
  const timeoutMs = options.timeoutMs ?? 70_000;
  const maxBackoffMs = options.maxBackoffMs ?? 60_000;
  const url = `${options.endpoint ?? WIKIDATA_SPARQL_ENDPOINT}?query=${encodeURIComponent(query)}`;
  const headers = { Accept: 'application/sparql-results+json', 'User-Agent': options.userAgent ?? defaultUserAgent() };
  let backoff = options.backoffMs ?? 1_000;
  for (let attempt = 1; ; attempt++) {
    let response: Response;
    try {
      response = await doFetch(url, { method: 'GET', headers, signal: AbortSignal.timeout(timeoutMs) });
    } catch (e) {
      const failure = networkFailure(e, timeoutMs);
      if (failure.code !== 'retry' || attempt >= maxAttempts) throw failure.code === 'retry' ? failure.error : failure;
      options.onEvent?.(
        `could not reach ${HOST} (${failure.reason}); trying again in ${seconds(backoff)} (attempt ${attempt + 1} of ${maxAttempts})`,
      );
      await sleep(backoff);
      backoff = Math.min(backoff * 2, maxBackoffMs);
      continue;
    }
    if (response.ok) return readAnswer(response);
    const retryable = response.status === 429 || response.status >= 500;
    if (!retryable) {
      const body = (await response.text().catch(() => '')).split('\n').find((l) => l.trim() !== '') ?? '';
      throw new WikidataError(
        'WIKIDATA_REFUSED',
        `${HOST} refused the query (HTTP ${response.status}${body ? `: ${body.trim().slice(0, 200)}` : ''}).`,
      );
    }
    await response.body?.cancel().catch(() => {});
    const wait = retryAfterMs(response.headers.get('retry-after')) ?? backoff;
    if (attempt >= maxAttempts) {
      throw response.status === 429
        ? new WikidataError(
            'WIKIDATA_RATE_LIMITED',
            `${HOST} still answers "too many requests" after ${maxAttempts} tries. Wait ${seconds(wait)} and run the import again, or use --file <saved response.json>.`,
          )
        : new WikidataError(
            'WIKIDATA_UNAVAILABLE',
            `${HOST} answered HTTP ${response.status} ${maxAttempts} times. Try again later, with a smaller scope (--qids), or use --file <saved response.json>.`,
          );
    }
    options.onEvent?.(
      `${HOST} answered HTTP ${response.status}; trying again in ${seconds(wait)} (attempt ${attempt + 1} of ${maxAttempts})`,
    );
    await sleep(wait);
    backoff = Math.min(backoff * 2, maxBackoffMs);
  }
}

async function readAnswer(response: Response): Promise<SparqlResults> {
  let text: string;
  try {
    text = await response.text();
  } catch (e) {
    throw new WikidataError('WIKIDATA_BAD_RESPONSE', `${HOST} broke off its answer (${(e as Error).message}). Run the import again.`);
  }
  return parseSparqlResults(text, HOST);
}

/** Retry-After as seconds or an HTTP date, in ms; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;

/** A fetch that threw: a WikidataError to throw now, or one to retry. */
function networkFailure(e: unknown, timeoutMs: number): WikidataError | { code: 'retry'; error: WikidataError; reason: string } {
  const error = e as Error & { cause?: { code?: string; message?: string } };
  if (error.name === 'TimeoutError' || error.name === 'AbortError')
    return new WikidataError(
      'WIKIDATA_TIMEOUT',
      `${HOST} did not answer within ${seconds(timeoutMs)}. Ask for less (--qids in smaller batches, one country at a time) or use --file <saved response.json>.`,
    );
  const code = error.cause?.code ?? (error as { code?: string }).code;
  const reason = code ?? error.cause?.message ?? error.message;
  const unavailable = new WikidataError('NETWORK_UNAVAILABLE', `could not reach ${HOST} (${reason}). ${OFFLINE_HINT}.`);
  if (code !== undefined && UNREACHABLE.has(code)) return unavailable;
  // A connection reset or a socket error half-way: worth another try.
  return { code: 'retry', error: unavailable, reason };
}
