/** Which neurons of the selection are the sources of the tables, matrix and graph. */
interface Props {
  ids: readonly number[];
  names: ReadonlyMap<number, string>;
  colors: ReadonlyMap<number, string>;
  excluded: ReadonlySet<number>;
  onChange: (excluded: Set<number>) => void;
}

export function SourcePicker({ ids, names, colors, excluded, onChange }: Props) {
  const toggle = (id: number, on: boolean) => {
    const next = new Set(excluded);
    if (on) next.delete(id);
    else next.add(id);
    onChange(next);
  };
  const used = ids.length - ids.filter((i) => excluded.has(i)).length;
  return (
    <fieldset className="source-picker">
      <legend>
        Sources ({used} of {ids.length} selected neurons)
      </legend>
      <div className="source-list">
        {ids.map((id) => (
          <label key={id} className="source-chip">
            <input
              type="checkbox"
              checked={!excluded.has(id)}
              onChange={(e) => toggle(id, e.target.checked)}
            />
            <span className="swatch" style={{ background: colors.get(id) ?? '#888' }} />
            {names.get(id) ?? id}
          </label>
        ))}
      </div>
      <div className="source-actions">
        <button type="button" onClick={() => onChange(new Set())}>
          All
        </button>
        <button type="button" onClick={() => onChange(new Set(ids))}>
          None
        </button>
      </div>
    </fieldset>
  );
}
