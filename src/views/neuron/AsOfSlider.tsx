/**
 * The "as of date" slider: one step per UTC day from the neuron's first node to today (or its
 * last change, if later). Moving it writes the day into the URL (`nasof`), so a link reproduces
 * the old state; "Now" returns to the current neuron.
 */
import { useId, useState } from 'react';
import { isoDate } from '../../lib/format.ts';

const DAY = 86_400_000;

interface Props {
  /** Epoch ms of the first and last history event. */
  first: number;
  last: number;
  day: string | null;
  onChange(day: string | null): void;
}

export function AsOfSlider({ first, last, day, onChange }: Props) {
  const id = useId();
  // Today, fixed when the slider mounts (the slider's end).
  const [today] = useState(() => Date.now());
  const start = Math.floor(first / DAY);
  const end = Math.max(Math.floor(Math.max(last, today) / DAY), start);
  const value = day
    ? Math.min(Math.max(Math.floor(Date.parse(`${day}T00:00:00Z`) / DAY), start), end)
    : end;
  const dayOf = (index: number) => isoDate(index * DAY);
  return (
    <div className="as-of">
      <label htmlFor={id}>As of date</label>
      <input
        id={id}
        type="range"
        min={start}
        max={end}
        step={1}
        value={value}
        aria-valuetext={day ?? `now (${dayOf(end)})`}
        onChange={(e) => {
          const v = Number(e.target.value);
          onChange(v >= end ? null : dayOf(v));
        }}
      />
      <output htmlFor={id}>{day ?? 'now'}</output>
      <button type="button" disabled={day === null} onClick={() => onChange(null)}>
        Now
      </button>
    </div>
  );
}
