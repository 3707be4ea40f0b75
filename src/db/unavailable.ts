/**
 * Whether an error means the database could not be reached (refused, dropped, shutting down, not
 * accepting connections), as opposed to a query it refused. Drivers and drizzle wrap the cause,
 * so the chain is walked. Callers answer 503 or fall back to what they last saw.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error, depth = 0; e && depth < 8; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, message, errors } = e as { code?: unknown; message?: unknown; errors?: unknown };
    if (typeof code === 'string' && (NETWORK_CODES.has(code) || /^(08|57P0)/.test(code))) return true;
    if (typeof message === 'string' && /not currently accepting connections/i.test(message)) return true;
    // Node reports a refused connection to every address of a host as one AggregateError.
    if (Array.isArray(errors) && errors.some(isDatabaseUnavailable)) return true;
  }
  return false;
}

/** postgres.js connection states and Node socket errors. */
const NETWORK_CODES = new Set([
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  '53300', // too many connections
]);
