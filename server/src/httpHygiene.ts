import type express from 'express';
import helmet from 'helmet';
import { LIMITS } from './limits.js';

/**
 * Security headers for every response: a Content-Security-Policy that the explorer and GraphiQL
 * (both served from this origin, no CDN, no inline script) pass, no framing by other sites,
 * nosniff, and no referrer to other origins. `upgrade-insecure-requests` is left out: the server
 * listens on plain HTTP by default (behind a TLS proxy in production), and the directive would send
 * a browser on http://127.0.0.1 to an https:// address that does not answer.
 */
export function securityHeaders(): express.RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'base-uri': ["'self'"],
        'connect-src': ["'self'"],
        'font-src': ["'self'", 'data:'],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        'object-src': ["'none'"],
        'script-src': ["'self'"],
        'script-src-attr': ["'none'"],
        // GraphiQL's editor (CodeMirror) and the explorer's canvas library set inline styles.
        'style-src': ["'self'", "'unsafe-inline'"],
        'worker-src': ["'self'"],
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
  });
}

const STATUS_CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
};

/** A JSON error body in the GraphQL shape, so every answer from /graphql reads the same way. */
export function sendJsonError(res: express.Response, status: number, message: string, code = STATUS_CODES[status] ?? 'BAD_REQUEST'): void {
  res
    .status(status)
    .type('application/json')
    .send(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}

/**
 * Apollo answers some HTTP-level mistakes (a GET without a query, a POST that is not JSON, a
 * missing CSRF header) with a plain-text message: wrap them in the JSON error shape.
 */
export const jsonErrorsOnly: express.RequestHandler = (_req, res, next) => {
  const send = res.send.bind(res);
  res.send = ((body: unknown) => {
    const type = String(res.getHeader('content-type') ?? '');
    if (res.statusCode >= 400 && typeof body === 'string' && !type.includes('json')) {
      res.send = send;
      sendJsonError(res, res.statusCode, body.trim() || 'The request could not be served.');
      return res;
    }
    return send(body);
  }) as express.Response['send'];
  next();
};

/** Body-parser and other errors on /graphql as JSON with a stable code, never Express's HTML page. */
export function graphqlRequestErrors(readerLimit: string): express.ErrorRequestHandler {
  return (error, _req, res, next) => {
    if (res.headersSent) return next(error);
    const status = (error as { status?: number }).status ?? 500;
    if (status === 413) {
      sendJsonError(
        res,
        413,
        `The request is too large: at most ${readerLimit} without an editor token (imports: ${LIMITS.importContent / 2 ** 20} MB with one, or npm run import on the server).`,
      );
    } else if (status === 415) {
      sendJsonError(res, 415, 'Send the request as JSON in UTF-8: Content-Type: application/json (charset utf-8, or none).');
    } else if (status === 400) {
      sendJsonError(res, 400, 'The request body is not valid JSON.');
    } else if (status >= 400 && status < 500) {
      sendJsonError(res, status, 'The request could not be read.');
    } else {
      console.error('Unexpected error while reading a request:', error);
      sendJsonError(res, 500, 'Internal server error. It has been logged; please try again or report it.', 'INTERNAL_SERVER_ERROR');
    }
  };
}
