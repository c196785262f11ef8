/**
 * Strahler order of every node of a tree given as parent indices (-1 = root): leaves are 1; a
 * node takes the highest order among its children, plus one when two or more children share it.
 * Iterative (leaves to root), so 10^6-node arbors cannot overflow the stack. Nodes on a cycle
 * (broken data) never become ready and get order 1.
 */
export function strahlerOrders(parentIndex: Int32Array): Uint8Array {
  const n = parentIndex.length;
  const pending = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const p = parentIndex[i] ?? -1;
    if (p >= 0 && p < n) pending[p] = (pending[p] ?? 0) + 1;
  }
  const maxChild = new Uint8Array(n);
  const countMax = new Uint8Array(n);
  const order = new Uint8Array(n);
  const queue = new Int32Array(n);
  let head = 0;
  let tail = 0;
  for (let i = 0; i < n; i++) if (pending[i] === 0) queue[tail++] = i;
  while (head < tail) {
    const v = queue[head++] ?? 0;
    const m = maxChild[v] ?? 0;
    const o = m === 0 ? 1 : (countMax[v] ?? 0) >= 2 ? Math.min(m + 1, 255) : m;
    order[v] = o;
    const p = parentIndex[v] ?? -1;
    if (p < 0 || p >= n) continue;
    if (o > (maxChild[p] ?? 0)) {
      maxChild[p] = o;
      countMax[p] = 1;
    } else if (o === maxChild[p]) {
      countMax[p] = Math.min((countMax[p] ?? 0) + 1, 255);
    }
    const left = (pending[p] ?? 1) - 1;
    pending[p] = left;
    if (left === 0) queue[tail++] = p;
  }
  for (let i = 0; i < n; i++) if (order[i] === 0) order[i] = 1;
  return order;
}

export function maxOrder(orders: Uint8Array): number {
  let m = 0;
  for (let i = 0; i < orders.length; i++) if ((orders[i] ?? 0) > m) m = orders[i] ?? 0;
  return m;
}
