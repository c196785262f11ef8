import { useMemo, useState } from 'react';
import { useSelection } from '../../state/selection-context.tsx';
import { COLOR_SCHEMES, isColorSchemeId, schemeColor } from '../../state/selection-schemes.ts';
import { useProjectScope } from '../shared/catmaid-scope.tsx';
import { ErrorMessage } from '../shared/ErrorMessage.tsx';
import { metaAnnotations } from './annotation-groups.ts';
import { ColorLegend } from './ColorLegend.tsx';
import { useAnnotationHierarchy, type ColorByStatus } from './use-color-by-annotation.ts';

/** Colour scheme + recolour, colour by a meta-annotation, and the legend of the groups. */
export function ColorControls({ status }: { status: ColorByStatus }) {
  const scope = useProjectScope();
  const { scheme, colorBy, legend, count, recolor, setColorScheme, setColorBy } = useSelection(
    (s) => ({
      scheme: s.colorScheme,
      colorBy: s.colorBy,
      legend: s.colorLegend,
      count: s.items.length,
      recolor: s.recolor,
      setColorScheme: s.setColorScheme,
      setColorBy: s.setColorBy,
    }),
  );
  const [picked, setPicked] = useState(scheme);
  const hierarchy = useAnnotationHierarchy(scope);
  const metas = useMemo(
    () => (hierarchy.data ? metaAnnotations(hierarchy.data) : []),
    [hierarchy.data],
  );
  const metaMissing = colorBy !== null && !metas.some((m) => m.name === colorBy);

  return (
    <section className="sel-colors" aria-label="Colours">
      <div className="sel-field-row">
        <label className="sel-field sel-grow">
          <span>Colour scheme</span>
          <select
            value={picked}
            onChange={(e) => isColorSchemeId(e.target.value) && setPicked(e.target.value)}
          >
            {COLOR_SCHEMES.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
        <span className="sel-scheme-preview" aria-hidden="true">
          {Array.from({ length: 8 }, (_, i) => (
            <span key={i} style={{ background: schemeColor(picked, i) }} />
          ))}
        </span>
        <button
          type="button"
          disabled={count === 0}
          title={
            colorBy
              ? `Colour the ${colorBy} groups with this scheme`
              : 'Give every neuron its own colour from this scheme'
          }
          onClick={() => (colorBy ? setColorScheme(picked) : recolor(picked))}
        >
          Recolour
        </button>
      </div>
      <div className="sel-field-row">
        <label className="sel-field sel-grow">
          <span>Colour by annotation</span>
          <select
            value={colorBy ?? ''}
            disabled={hierarchy.isPending}
            onChange={(e) => {
              if (picked !== scheme) setColorScheme(picked);
              setColorBy(e.target.value || null);
            }}
          >
            <option value="">— each neuron its own colour —</option>
            {metaMissing ? <option value={colorBy}>{colorBy}</option> : null}
            {metas.map((m) => (
              <option key={m.id} value={m.name}>
                {m.name} ({m.groupCount} {m.groupCount === 1 ? 'group' : 'groups'})
              </option>
            ))}
          </select>
        </label>
      </div>
      {hierarchy.isError ? (
        <ErrorMessage
          error={hierarchy.error}
          context="Loading the annotation hierarchy"
          onRetry={() => void hierarchy.refetch()}
        />
      ) : null}
      {status.problem ? (
        <p role="alert" className="sel-message is-error">
          {status.problem}
        </p>
      ) : null}
      {status.error && !hierarchy.isError ? (
        <ErrorMessage error={status.error} context={`Colouring by ${colorBy ?? 'annotation'}`} />
      ) : null}
      {colorBy && status.loading ? (
        <p role="status" className="sel-message">
          Colouring by {colorBy}…
        </p>
      ) : null}
      {colorBy && legend && !status.loading ? (
        <ColorLegend title={colorBy} entries={legend} />
      ) : null}
    </section>
  );
}
