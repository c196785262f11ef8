/**
 * CATMAID's "synapse fractions": for each chosen neuron, its inputs (or outputs) split by the
 * partner's group, groups below a synapse threshold pooled into "other"; stacked bars that each
 * add up to 1, with SVG/PNG/CSV export and a group's partners addable to the selection.
 */
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { LinkType } from '../../api/connector-types.ts';
import { linkTypePartnersQuery } from '../../api/connectivity-link-type.ts';
import { neuronNamesQuery } from '../../api/neuron-names.ts';
import { countAtConfidence } from '../../analysis/partner-table.ts';
import { fractionsCsv, neuronFractions, OTHER_GROUP } from '../../analysis/grouped-partners.ts';
import { ExportableChart } from '../../components/plots/ExportableChart.tsx';
import { circuitsFields, type CircuitsUrlState } from '../../state/circuits-url.ts';
import { useSelection } from '../../state/selection-context.tsx';
import { clampInt } from '../../lib/url-fields.ts';
import { useProjectScope } from '../shared/catmaid-scope.tsx';
import { QueryErrorMessage } from '../shared/QueryErrorMessage.tsx';
import { fractionsFigure, groupOrder } from './fractions-figure.ts';
import { effectiveLinkType, LinkTypeSelect } from './LinkTypeSelect.tsx';
import { MetaSelect } from './MetaSelect.tsx';
import { QueryErrors } from './QueryErrors.tsx';
import { SetPicker } from './SetPicker.tsx';
import { useGroups } from './use-groups.ts';
import { useNeuronSet } from './use-neuron-set.ts';

interface Props {
  state: CircuitsUrlState;
  onState: (patch: Partial<CircuitsUrlState>) => void;
  linkTypes: readonly LinkType[];
}

export function FractionsPanel({ state, onState, linkTypes }: Props) {
  const scope = useProjectScope();
  const add = useSelection((s) => s.add);
  const neurons = useNeuronSet(state.fractionNeurons);
  const linkType = effectiveLinkType(state.linkType, linkTypes);
  const reciprocal = linkType !== 'synaptic';
  const direction = state.fractionDirection === 'inputs' ? 'upstream' : 'downstream';
  const enabled = neurons.ids.length > 0 && !neurons.pending;
  const partners = useQuery({
    ...linkTypePartnersQuery(scope, neurons.ids, linkType, direction),
    enabled,
  });
  const partnerIds = useMemo(() => (partners.data ?? []).map((p) => p.partnerId), [partners.data]);
  const groups = useGroups(partnerIds, state.meta, enabled);
  const names = useQuery(neuronNamesQuery(scope, [...neurons.ids, ...partnerIds]));
  const nameMap = useMemo(() => names.data ?? new Map<number, string>(), [names.data]);
  const rows = useMemo(
    () =>
      partners.data && groups.groupOf
        ? neurons.ids.map((id) =>
            neuronFractions(
              id,
              partners.data ?? [],
              groups.groupOf ?? new Map(),
              groups.ungrouped,
              {
                minSynapses: state.fractionMin,
                minConfidence: state.minConfidence,
              },
            ),
          )
        : null,
    [
      partners.data,
      groups.groupOf,
      groups.ungrouped,
      neurons.ids,
      state.fractionMin,
      state.minConfidence,
    ],
  );
  const label = reciprocal ? 'links' : state.fractionDirection;
  const fig = useMemo(
    () => (rows ? fractionsFigure(rows, nameMap, label) : null),
    [rows, nameMap, label],
  );
  const present = rows ? groupOrder(rows).filter((g) => g !== OTHER_GROUP) : [];
  const [pick, setPick] = useState('');
  const picked = present.includes(pick) ? pick : (present[0] ?? '');
  const pickedPartners = (partners.data ?? [])
    .filter(
      (p) =>
        groups.groupOf?.get(p.partnerId) === picked &&
        neurons.ids.some((s) => countAtConfidence(p.bins.get(s), state.minConfidence) > 0),
    )
    .map((p) => p.partnerId);

  return (
    <section className="circuit-panel" aria-label="Input/output fractions">
      <div className="set-pickers">
        <SetPicker
          label="Neurons"
          value={state.fractionNeurons}
          onChange={(v) => onState({ fractionNeurons: v })}
          set={neurons}
        />
      </div>
      <form
        className="partner-controls"
        aria-label="Fraction options"
        onSubmit={(e) => e.preventDefault()}
      >
        <MetaSelect
          value={state.meta}
          metas={groups.metas}
          onChange={(v) => onState({ meta: v })}
        />
        <LinkTypeSelect
          value={linkType}
          types={linkTypes}
          onChange={(v) => onState({ linkType: v })}
        />
        {reciprocal ? null : (
          <label>
            Fractions of
            <select
              value={state.fractionDirection}
              onChange={(e) =>
                onState({ fractionDirection: e.target.value === 'outputs' ? 'outputs' : 'inputs' })
              }
            >
              <option value="inputs">inputs</option>
              <option value="outputs">outputs</option>
            </select>
          </label>
        )}
        <label>
          Min synapses per group (else “other”)
          <input
            type="number"
            min={1}
            value={state.fractionMin}
            onChange={(e) =>
              onState({ fractionMin: clampInt(circuitsFields.fractionMin, e.target.value) })
            }
          />
        </label>
        <label>
          Min confidence
          <input
            type="number"
            min={1}
            max={5}
            value={state.minConfidence}
            onChange={(e) =>
              onState({ minConfidence: clampInt(circuitsFields.minConfidence, e.target.value) })
            }
          />
        </label>
      </form>
      <QueryErrorMessage query={partners} context="Partners failed" />
      <QueryErrors queries={groups.queries} context="Partner groups failed" />
      {!enabled ? (
        <p role="status">Choose the neurons.</p>
      ) : !rows || !fig ? (
        <p role="status">Loading partners and their annotations…</p>
      ) : (
        <>
          <div className="section-bar">
            <label>
              Partner group
              <select value={picked} onChange={(e) => setPick(e.target.value)}>
                {present.map((g) => (
                  <option key={g} value={g}>
                    {g}
                  </option>
                ))}
              </select>
            </label>
            <button
              type="button"
              disabled={pickedPartners.length === 0}
              onClick={() => add(pickedPartners)}
            >
              Add its {pickedPartners.length} partners to the selection
            </button>
          </div>
          <ExportableChart
            name="Synapse fractions"
            fileBase="synapse-fractions"
            data={fig.data}
            layout={fig.layout}
            height={Math.max(300, 170 + rows.length * 28)}
            csv={() => fractionsCsv(rows, label, nameMap)}
          />
        </>
      )}
    </section>
  );
}
