/** The link type a circuit table counts: chemical synapses, or another type the project has. */
import type { LinkType } from '../../api/connector-types.ts';

interface Props {
  value: string;
  types: readonly LinkType[];
  onChange: (id: string) => void;
}

export function LinkTypeSelect({ value, types, onChange }: Props) {
  const known = types.some((t) => t.id === value);
  return (
    <label>
      Link type
      <select value={known ? value : 'synaptic'} onChange={(e) => onChange(e.target.value)}>
        {types.map((t) => (
          <option key={t.id} value={t.id}>
            {t.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** A link type the server does not list falls back to synapses. */
export function effectiveLinkType(value: string, types: readonly LinkType[]): string {
  return types.some((t) => t.id === value) ? value : 'synaptic';
}
