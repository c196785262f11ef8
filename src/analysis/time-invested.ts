/**
 * Time invested per user, as pymaid's `get_time_invested` (mode SUM, by USER; API ref §6.4):
 *  - creation events: node and connector creations (creator) and connector-link creations;
 *  - edition events: a node's last edition (editor), only if edited > 200 ms after creation;
 *  - review events: every (reviewer, review time).
 * Each user's events fall into fixed, epoch-aligned bins of `maxInactiveMinutes`; a bin is active
 * when it holds ≥ minimumActions × maxInactiveMinutes events; minutes = active bins × interval.
 * total, creation, edition and review are binned separately, so total ≠ their sum. Users with
 * fewer events than one active bin needs are not reported (as pymaid).
 */

export interface TimeInvestedInput {
  /** Nodes and connectors (node/user-info). */
  nodes: {
    creatorIds: ArrayLike<number>;
    creationTimes: ArrayLike<number>;
    editorIds: ArrayLike<number>;
    editionTimes: ArrayLike<number>;
    reviewerIds: ArrayLike<number>;
    reviewTimes: ArrayLike<number>;
  };
  /** Connector links (connectors/links/). */
  links: { creatorIds: ArrayLike<number>; creationTimes: ArrayLike<number> };
}

export interface TimeInvestedOptions {
  /** Actions per minute (pymaid default 10). */
  minimumActions: number;
  /** Bin width in minutes (pymaid default 3). */
  maxInactiveMinutes: number;
  /** Only events in [start, end) (epoch ms) count. */
  start?: number;
  end?: number;
}

export interface TimeInvestedRow {
  userId: number;
  /** All counted events of the user (any bin). */
  actions: number;
  total: number;
  creation: number;
  edition: number;
  review: number;
}

const defaultTimeInvestedOptions: TimeInvestedOptions = {
  minimumActions: 10,
  maxInactiveMinutes: 3,
};

const EDIT_MIN_MS = 200;

type Kind = 'creation' | 'edition' | 'review';

/** user → bin → count, per kind. */
type Bins = Map<number, Map<number, number>>;

export function computeTimeInvested(
  input: TimeInvestedInput,
  options: TimeInvestedOptions = defaultTimeInvestedOptions,
): TimeInvestedRow[] {
  const interval = Math.max(1, options.maxInactiveMinutes);
  const binMs = interval * 60_000;
  const needed = options.minimumActions * interval;
  const start = options.start ?? -Infinity;
  const end = options.end ?? Infinity;
  const bins: Record<Kind | 'total', Bins> = {
    total: new Map(),
    creation: new Map(),
    edition: new Map(),
    review: new Map(),
  };
  const eventCount = new Map<number, number>();

  const add = (kind: Kind, user: number | undefined, time: number | undefined) => {
    if (user === undefined || time === undefined || !(time >= start && time < end)) return;
    const bin = Math.floor(time / binMs);
    for (const k of [kind, 'total'] as const) {
      let perUser = bins[k].get(user);
      if (!perUser) bins[k].set(user, (perUser = new Map()));
      perUser.set(bin, (perUser.get(bin) ?? 0) + 1);
    }
    eventCount.set(user, (eventCount.get(user) ?? 0) + 1);
  };

  const n = input.nodes;
  for (let i = 0; i < n.creatorIds.length; i++) {
    const created = n.creationTimes[i];
    add('creation', n.creatorIds[i], created);
    const edited = n.editionTimes[i];
    if (created !== undefined && edited !== undefined && edited - created > EDIT_MIN_MS)
      add('edition', n.editorIds[i], edited);
  }
  for (let i = 0; i < n.reviewerIds.length; i++) add('review', n.reviewerIds[i], n.reviewTimes[i]);
  for (let i = 0; i < input.links.creatorIds.length; i++)
    add('creation', input.links.creatorIds[i], input.links.creationTimes[i]);

  const minutes = (k: Kind | 'total', user: number) => {
    let active = 0;
    for (const c of bins[k].get(user)?.values() ?? []) if (c >= needed) active++;
    return active * interval;
  };
  const rows: TimeInvestedRow[] = [];
  for (const [user, count] of eventCount) {
    if (count < needed) continue;
    rows.push({
      userId: user,
      actions: count,
      total: minutes('total', user),
      creation: minutes('creation', user),
      edition: minutes('edition', user),
      review: minutes('review', user),
    });
  }
  return rows.sort((a, b) => b.total - a.total || a.userId - b.userId);
}
