/**
 * The request idle timeout comes from the dashboard server (`/api/config` → `requestTimeoutMs`),
 * so it matches the proxy's own upstream timeout. Read defensively: an old server without the
 * field, or a garbled value, falls back to the default instead of breaking every request.
 */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

/** Outside this range the value is a mistake (seconds given as ms, or a typo), not a choice. */
const MIN_MS = 100;
const MAX_MS = 30 * 60_000;

export function requestTimeoutFrom(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return DEFAULT_REQUEST_TIMEOUT_MS;
  if (value < MIN_MS || value > MAX_MS) return DEFAULT_REQUEST_TIMEOUT_MS;
  return Math.round(value);
}
