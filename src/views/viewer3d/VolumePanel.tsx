import type { UseQueryResult } from '@tanstack/react-query';
import type { VolumeSummary } from '../../api/volumes.ts';
import { ErrorMessage } from '../shared/ErrorMessage.tsx';
import type { VolumeSetting } from './view-options.ts';

interface Props {
  list: UseQueryResult<VolumeSummary[]>;
  settings: ReadonlyMap<number, VolumeSetting>;
  defaultSetting(id: number): VolumeSetting;
  failed: ReadonlyMap<number, unknown>;
  onChange(id: number, s: VolumeSetting): void;
}

/** Neuropil volumes: show/hide, colour and opacity each. */
export function VolumePanel({ list, settings, defaultSetting, failed, onChange }: Props) {
  return (
    <section aria-label="Volumes" className="viewer3d-volumes">
      <h2>Volumes</h2>
      {list.isPending ? <p role="status">Loading volumes…</p> : null}
      {list.isError ? (
        <ErrorMessage
          error={list.error}
          context="Volume list"
          onRetry={() => void list.refetch()}
        />
      ) : null}
      {list.data?.length === 0 ? <p>This project has no volumes.</p> : null}
      <ul>
        {list.data?.map((v) => {
          const s = settings.get(v.id) ?? defaultSetting(v.id);
          const error = failed.get(v.id);
          return (
            <li key={v.id} title={v.comment}>
              <label>
                <input
                  type="checkbox"
                  checked={s.shown}
                  onChange={(e) => onChange(v.id, { ...s, shown: e.target.checked })}
                />
                {v.name}
              </label>
              <input
                type="color"
                aria-label={`Colour of ${v.name}`}
                value={s.color}
                onChange={(e) => onChange(v.id, { ...s, color: e.target.value })}
              />
              <input
                type="range"
                aria-label={`Opacity of ${v.name}`}
                min={0.05}
                max={1}
                step={0.05}
                value={s.opacity}
                onChange={(e) => onChange(v.id, { ...s, opacity: Number(e.target.value) })}
              />
              {error ? <ErrorMessage error={error} context={`Volume ${v.name}`} /> : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
