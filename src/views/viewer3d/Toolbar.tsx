import { COLOUR_MODE_DEFS, isColourMode } from '../../3d/colour-modes/registry.ts';
import type { FrameView } from '../../3d/scene/camera-controller.ts';
import type { DetailLevel, ViewOptions } from './view-options.ts';

interface Props {
  options: ViewOptions;
  onChange(patch: Partial<ViewOptions>): void;
  onView(view: FrameView): void;
  onReset(): void;
}

function Toggle({
  label,
  checked,
  onChange,
}: {
  label: string;
  checked: boolean;
  onChange(v: boolean): void;
}) {
  return (
    <label className="toggle">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      {label}
    </label>
  );
}

/** Colour mode, layer toggles and camera presets. */
export function Toolbar({ options: o, onChange, onView, onReset }: Props) {
  return (
    <div role="toolbar" aria-label="3D view controls" className="viewer3d-toolbar">
      <label>
        Colour by{' '}
        <select
          value={o.colourMode}
          onChange={(e) => {
            if (isColourMode(e.target.value)) onChange({ colourMode: e.target.value });
          }}
        >
          {COLOUR_MODE_DEFS.map((m) => (
            <option key={m.id} value={m.id}>
              {m.label}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="toggles">
        <legend className="visually-hidden">Layers</legend>
        <Toggle
          label="Presynaptic sites"
          checked={o.showPre}
          onChange={(v) => onChange({ showPre: v })}
        />
        <Toggle
          label="Postsynaptic sites"
          checked={o.showPost}
          onChange={(v) => onChange({ showPost: v })}
        />
        <Toggle
          label="Somata"
          checked={o.showSomata}
          onChange={(v) => onChange({ showSomata: v })}
        />
        <Toggle
          label="Scale bar"
          checked={o.showScaleBar}
          onChange={(v) => onChange({ showScaleBar: v })}
        />
        <Toggle label="Axes" checked={o.showAxes} onChange={(v) => onChange({ showAxes: v })} />
      </fieldset>
      <div role="group" aria-label="Camera" className="camera-buttons">
        <button
          type="button"
          onClick={() => onView('xy')}
          title="Look down +z, y pointing down (CATMAID XY)"
        >
          XY
        </button>
        <button type="button" onClick={() => onView('xz')} title="Look along +y (CATMAID XZ)">
          XZ
        </button>
        <button type="button" onClick={() => onView('zy')} title="Look along -x (CATMAID ZY)">
          ZY
        </button>
        <button
          type="button"
          onClick={() => onView('all')}
          title="Fit every visible neuron, keeping the current direction"
        >
          Frame all
        </button>
        <button type="button" onClick={onReset}>
          Reset view
        </button>
        <label>
          Projection{' '}
          <select
            value={o.projection}
            onChange={(e) =>
              onChange({
                projection: e.target.value === 'orthographic' ? 'orthographic' : 'perspective',
              })
            }
          >
            <option value="perspective">Perspective</option>
            <option value="orthographic">Orthographic</option>
          </select>
        </label>
        <label>
          Detail{' '}
          <select
            value={o.detail}
            onChange={(e) => {
              const v = e.target.value;
              if (v === 'auto' || v === 'full' || v === 'lod' || v === 'coarse')
                onChange({ detail: v as DetailLevel });
            }}
          >
            <option value="auto">Auto</option>
            <option value="full">Full</option>
            <option value="lod">Reduced</option>
            <option value="coarse">Coarse</option>
          </select>
        </label>
        <label>
          View background{' '}
          <select
            value={o.background}
            onChange={(e) =>
              onChange({ background: e.target.value === 'black' ? 'black' : 'white' })
            }
          >
            <option value="white">White</option>
            <option value="black">Black</option>
          </select>
        </label>
      </div>
    </div>
  );
}
