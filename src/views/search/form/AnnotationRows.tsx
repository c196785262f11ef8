import { Combobox, type ComboOption } from '../../../components/Combobox.tsx';
import type { AnnotationTerm } from '../../../state/search-url.ts';

interface Props {
  rows: AnnotationTerm[];
  onChange: (rows: AnnotationTerm[]) => void;
  options: readonly ComboOption[];
}

/** Annotation criteria: rows combined with AND, each negatable, each optionally expanded. */
export function AnnotationRows({ rows, onChange, options }: Props) {
  const update = (i: number, patch: Partial<AnnotationTerm>) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <fieldset className="annotation-rows">
      <legend>Annotations (all rows must hold)</legend>
      {rows.map((row, i) => (
        <div key={i} className="annotation-row">
          <Combobox
            label={`Annotation ${i + 1}`}
            value={row.name}
            options={options}
            onChange={(name) => update(i, { name })}
            placeholder="start typing an annotation"
          />
          <label className="inline">
            <input
              type="checkbox"
              aria-label={`Annotation ${i + 1}: exclude (NOT)`}
              checked={row.not}
              onChange={(e) => update(i, { not: e.target.checked })}
            />
            NOT
          </label>
          <label className="inline">
            <input
              type="checkbox"
              aria-label={`Annotation ${i + 1}: include sub-annotations`}
              checked={row.sub}
              onChange={(e) => update(i, { sub: e.target.checked })}
            />
            include sub-annotations
          </label>
          <button
            type="button"
            aria-label={`Remove annotation row ${i + 1}`}
            onClick={() => onChange(rows.filter((_, j) => j !== i))}
          >
            ✕
          </button>
        </div>
      ))}
      <button
        type="button"
        onClick={() => onChange([...rows, { name: '', not: false, sub: false }])}
      >
        Add annotation row
      </button>
    </fieldset>
  );
}
