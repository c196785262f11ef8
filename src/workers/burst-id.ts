/**
 * A random id for one burst of loads (skeleton-pool.ts): 32 hex digits. From getRandomValues,
 * not crypto.randomUUID, which browsers offer only in secure contexts: a lab's dashboard server
 * is often reached over plain http by its host name.
 */
export function newBurstId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
