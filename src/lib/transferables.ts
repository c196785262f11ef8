/**
 * The distinct ArrayBuffers under some typed arrays, to list as transferables when posting them
 * out of a worker (views over one buffer list it once; a buffer listed twice is an error).
 */
export function buffersOf(arrays: readonly (ArrayBufferView | undefined)[]): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  for (const a of arrays) if (a && a.buffer instanceof ArrayBuffer) out.add(a.buffer);
  return [...out];
}
