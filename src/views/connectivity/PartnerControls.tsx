/** Filters of the partner tables; every one of them also applies to totals and CSV. */
import type { BooleanOp, PartnerFilter, TextFilterTarget } from '../../analysis/partner-table.ts';

export type PartnerFilterState = Omit<PartnerFilter, 'sources'>;

interface Props {
  value: PartnerFilterState;
  onChange: (next: PartnerFilterState) => void;
}

const positive = (raw: string, fallback: number) => {
  const n = Math.floor(Number(raw));
  return Number.isFinite(n) && n >= 1 ? n : fallback;
};

export function PartnerControls({ value, onChange }: Props) {
  const set = (patch: Partial<PartnerFilterState>) => onChange({ ...value, ...patch });
  return (
    <form
      className="partner-controls"
      aria-label="Partner filters"
      onSubmit={(e) => e.preventDefault()}
    >
      <label>
        Min synapses
        <input
          type="number"
          min={1}
          value={value.minSynapses}
          onChange={(e) => set({ minSynapses: positive(e.target.value, 1) })}
        />
      </label>
      <label>
        Min confidence
        <select
          value={value.minConfidence}
          onChange={(e) => set({ minConfidence: Number(e.target.value) })}
        >
          {[1, 2, 3, 4, 5].map((c) => (
            <option key={c} value={c}>
              {c === 1 ? '1 (all)' : `≥ ${c}`}
            </option>
          ))}
        </select>
      </label>
      <label>
        Min partner nodes
        <input
          type="number"
          min={1}
          value={value.minPartnerNodes}
          onChange={(e) => set({ minPartnerNodes: positive(e.target.value, 1) })}
        />
      </label>
      <fieldset className="inline-fieldset">
        <legend>Sources</legend>
        {(['OR', 'AND'] as BooleanOp[]).map((op) => (
          <label key={op}>
            <input
              type="radio"
              name="partner-op"
              checked={value.op === op}
              onChange={() => set({ op })}
            />
            {op === 'OR' ? 'OR (any source)' : 'AND (all sources)'}
          </label>
        ))}
      </fieldset>
      <label>
        Filter by
        <select
          value={value.textTarget}
          onChange={(e) => set({ textTarget: e.target.value as TextFilterTarget })}
        >
          <option value="name">partner name</option>
          <option value="annotation">annotation</option>
        </select>
      </label>
      <label>
        Contains
        <input
          type="search"
          value={value.text}
          placeholder={value.textTarget === 'name' ? 'e.g. KC' : 'e.g. left'}
          onChange={(e) => set({ text: e.target.value })}
        />
      </label>
    </form>
  );
}
