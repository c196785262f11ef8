/**
 * Filters of the partner tables; every one of them also applies to totals and CSV. Bounds,
 * defaults and choices come from the one declaration in lib/partner-filter-fields.ts.
 */
import {
  partnerFilterFields as F,
  type PartnerFilterOptions,
  type TextFilterTarget,
} from '../../lib/partner-filter-fields.ts';
import { clampInt } from '../../lib/url-fields.ts';

export type PartnerFilterState = PartnerFilterOptions;

interface Props {
  value: PartnerFilterState;
  onChange: (next: PartnerFilterState) => void;
}

const OP_LABELS = { OR: 'OR (any source)', AND: 'AND (all sources)' } as const;
const TARGET_LABELS = { name: 'partner name', annotation: 'annotation' } as const;
const confidences = Array.from(
  { length: F.minConfidence.max - F.minConfidence.min + 1 },
  (_, i) => F.minConfidence.min + i,
);

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
          min={F.minSynapses.min}
          max={F.minSynapses.max}
          value={value.minSynapses}
          onChange={(e) => set({ minSynapses: clampInt(F.minSynapses, e.target.value) })}
        />
      </label>
      <label>
        Min confidence
        <select
          value={value.minConfidence}
          onChange={(e) => set({ minConfidence: clampInt(F.minConfidence, e.target.value) })}
        >
          {confidences.map((c) => (
            <option key={c} value={c}>
              {c === F.minConfidence.min ? `${c} (all)` : `≥ ${c}`}
            </option>
          ))}
        </select>
      </label>
      <label>
        Min partner nodes
        <input
          type="number"
          min={F.minPartnerNodes.min}
          max={F.minPartnerNodes.max}
          value={value.minPartnerNodes}
          onChange={(e) => set({ minPartnerNodes: clampInt(F.minPartnerNodes, e.target.value) })}
        />
      </label>
      <fieldset className="inline-fieldset">
        <legend>Sources</legend>
        {F.op.values.map((op) => (
          <label key={op}>
            <input
              type="radio"
              name="partner-op"
              checked={value.op === op}
              onChange={() => set({ op })}
            />
            {OP_LABELS[op]}
          </label>
        ))}
      </fieldset>
      <label>
        Filter by
        <select
          value={value.textTarget}
          onChange={(e) =>
            set({
              textTarget:
                F.textTarget.values.find((t) => t === e.target.value) ?? F.textTarget.default,
            })
          }
        >
          {F.textTarget.values.map((t: TextFilterTarget) => (
            <option key={t} value={t}>
              {TARGET_LABELS[t]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Contains
        <input
          type="search"
          value={value.text}
          maxLength={F.text.maxLength}
          placeholder={value.textTarget === 'name' ? 'e.g. KC' : 'e.g. left'}
          onChange={(e) => set({ text: e.target.value })}
        />
      </label>
    </form>
  );
}
