/**
 * The reviewer whitelist: the users whose reviews count when the Neuron view (and the 3D
 * "reviewed" colour) says how much of a neuron is reviewed, as CATMAID's own per-user whitelist.
 * One list per CATMAID server (user ids are per server), remembered in localStorage; a server
 * without an entry counts everyone's reviews. A garbled stored value is dropped, never thrown.
 */
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { memoryStorage } from './memory-storage.ts';

interface WhitelistState {
  /** server → user ids; absent = everyone counts. */
  byServer: Record<string, number[]>;
  set(server: string, userIds: readonly number[] | null): void;
}

function sanitize(raw: unknown): Record<string, number[]> {
  if (raw === null || typeof raw !== 'object') return {};
  const byServer = (raw as { byServer?: unknown }).byServer;
  if (byServer === null || typeof byServer !== 'object') return {};
  const out: Record<string, number[]> = {};
  for (const [server, ids] of Object.entries(byServer as Record<string, unknown>))
    if (Array.isArray(ids))
      out[server] = ids.filter((v): v is number => Number.isSafeInteger(v)).slice(0, 10_000);
  return out;
}

function safeStorage(): Storage {
  try {
    return localStorage;
  } catch {
    // Storage disabled: the whitelist lives for this page only.
    return memoryStorage();
  }
}

export const useReviewerWhitelist = create<WhitelistState>()(
  persist(
    (set) => ({
      byServer: {},
      set: (server, userIds) =>
        set((s) => {
          const next = Object.fromEntries(
            Object.entries(s.byServer).filter(([key]) => key !== server),
          );
          if (userIds !== null) next[server] = [...new Set(userIds)].sort((a, b) => a - b);
          return { byServer: next };
        }),
    }),
    {
      name: 'catmaid-dashboard:reviewer-whitelist',
      storage: createJSONStorage(safeStorage),
      partialize: (s) => ({ byServer: s.byServer }),
      version: 1,
      merge: (persisted, current) => ({ ...current, byServer: sanitize(persisted) }),
    },
  ),
);

/** The whitelist of one server as a set, or null when everyone's reviews count. */
export function whitelistOf(
  byServer: Readonly<Record<string, number[]>>,
  server: string,
): ReadonlySet<number> | null {
  const ids = byServer[server];
  return ids ? new Set(ids) : null;
}
