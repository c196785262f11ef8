/**
 * A colleague loading a big scene, without a browser of its own (bench/fair-share.ts): it asks
 * the dashboard server for the same compact-detail batches a 3D view asks for (20 skeletons,
 * connectors and tags, msgpack, a few in flight), under its own browser id (the cookie
 * /api/config gives), so the server's CATMAID slots count it as one more browser. Scripted, it
 * costs this machine's two cores almost nothing beyond what the server and CATMAID do for it:
 * several of them load the CATMAID slots as several colleagues' scenes would, without several
 * software-GL renderers slowing down the one page being measured.
 */

const BATCH = 20;
const IN_FLIGHT = 3;

/** A new browser id cookie from the server's /api/config, as `name=value`. */
export async function browserCookie(base: string): Promise<string> {
  const res = await fetch(`${base}/api/config`);
  await res.arrayBuffer();
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('catmaid_dashboard_client='));
  if (!cookie) throw new Error('the dashboard server set no browser id cookie on /api/config');
  return cookie.split(';')[0] ?? '';
}

/**
 * Loads `ids` of `project` until done or `signal` aborts; resolves with the skeletons received
 * (an abort is not an error: the bench stops the colleagues once it has its figure). `cookie`:
 * a browser id to use instead of a new one (several colleagues seen as one browser).
 */
export async function loadAsColleague(
  base: string,
  project: number,
  ids: readonly number[],
  signal: AbortSignal,
  shared?: string,
): Promise<number> {
  const cookie = shared ?? (await browserCookie(base));
  const batches: number[][] = [];
  for (let i = 0; i < ids.length; i += BATCH) batches.push(ids.slice(i, i + BATCH));
  let received = 0;
  const next = async (): Promise<void> => {
    for (let batch = batches.shift(); batch && !signal.aborted; batch = batches.shift()) {
      const form = new URLSearchParams([
        ...batch.map((id, i): [string, string] => [`skeleton_ids[${i}]`, String(id)]),
        ['with_connectors', 'true'],
        ['with_tags', 'true'],
        ['format', 'msgpack'],
      ]);
      try {
        const res = await fetch(`${base}/api/catmaid/${project}/skeletons/compact-detail`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
          body: form.toString(),
          signal,
        });
        await res.arrayBuffer();
        if (!res.ok) throw new Error(`a colleague's batch failed: ${res.status}`);
        received += batch.length;
      } catch (e) {
        if (signal.aborted) return;
        throw e;
      }
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, next));
  return received;
}
