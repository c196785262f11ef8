/**
 * The "as of" date of the Neuron view, from the URL (`nasof`, a UTC day): null = now. A day
 * means the neuron at the end of that day (23:59:59.999 UTC), so a figure made on that day is
 * reproduced with everything done by its evening.
 */
import { useCallback } from 'react';
import { useUrlStore } from '../../state/url-store.ts';

export function endOfDay(day: string): number {
  return Date.parse(`${day}T23:59:59.999Z`);
}

export function useAsOf(): {
  day: string | null;
  time: number | null;
  set(day: string | null): void;
} {
  const day = useUrlStore((s) => s.state.neuron.asOf) || null;
  const update = useUrlStore((s) => s.update);
  const set = useCallback(
    (next: string | null) =>
      update((s) => ({ ...s, neuron: { ...s.neuron, asOf: next ?? '' } }), 'replace'),
    [update],
  );
  return { day, time: day ? endOfDay(day) : null, set };
}
