/**
 * Which volumes the Regions view works with (in the URL), and the export of those volumes'
 * meshes as OBJ and STL.
 */
import type { Volume, VolumeSummary } from '../../api/volumes.ts';
import { volumesToObj, volumesToStl } from '../../3d/export/volume-mesh-export.ts';
import { downloadText } from '../../lib/download.ts';
import type { InsideMethod } from '../../analysis/regions/inside-method.ts';
import { describeMethod } from '../../analysis/regions/inside-method.ts';

interface Props {
  all: readonly VolumeSummary[];
  chosen: readonly number[];
  onChange: (ids: number[]) => void;
  meshes: readonly Volume[] | null;
  methods: ReadonlyMap<number, InsideMethod>;
}

export function VolumePicker({ all, chosen, onChange, meshes, methods }: Props) {
  const named = (meshes ?? []).map((v) => ({ name: v.name, mesh: v.mesh }));
  return (
    <fieldset className="volume-picker">
      <legend>Volumes</legend>
      {all.length === 0 ? <p>This project has no volumes.</p> : null}
      <ul>
        {all.map((v) => {
          const method = methods.get(v.id);
          return (
            <li key={v.id}>
              <label>
                <input
                  type="checkbox"
                  checked={chosen.includes(v.id)}
                  onChange={(e) =>
                    onChange(
                      e.target.checked ? [...chosen, v.id] : chosen.filter((id) => id !== v.id),
                    )
                  }
                />
                {v.name}
              </label>
              {method ? (
                <span className="hint" data-volume-method={method}>
                  {' '}
                  — {describeMethod(method)}
                </span>
              ) : null}
            </li>
          );
        })}
      </ul>
      <div role="group" aria-label="Export volumes">
        <button
          type="button"
          disabled={named.length === 0}
          onClick={() => downloadText(volumesToObj(named), 'volumes.obj', 'model/obj')}
        >
          Export volumes as OBJ
        </button>
        <button
          type="button"
          disabled={named.length === 0}
          onClick={() => downloadText(volumesToStl(named), 'volumes.stl', 'model/stl')}
        >
          Export volumes as STL
        </button>
      </div>
    </fieldset>
  );
}
