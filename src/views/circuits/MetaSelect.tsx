/** The meta-annotation whose sub-annotations are the groups (e.g. "cell type"). */
import type { MetaAnnotation } from '../selection/annotation-groups.ts';

interface Props {
  value: string;
  metas: readonly MetaAnnotation[];
  onChange: (name: string) => void;
}

export function MetaSelect({ value, metas, onChange }: Props) {
  const known = metas.some((m) => m.name === value);
  return (
    <label>
      Group by sub-annotations of
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        {known ? null : <option value={value}>{value}</option>}
        {metas.map((m) => (
          <option key={m.id} value={m.name}>
            {m.name} ({m.groupCount})
          </option>
        ))}
      </select>
    </label>
  );
}
