/**
 * Partner tables collapsed by cell type: for the chosen sources, upstream and downstream partners
 * (or gap-junction partners) grouped by the sub-annotations of a meta-annotation, with partner
 * counts, synapses and the fraction of all the sources' input/output; a group expands to its
 * neurons and can be added to the selection.
 */
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { LinkType } from '../../api/connector-types.ts';
import { linkTypePartnersQuery, type PartnerDirection } from '../../api/connectivity-link-type.ts';
import type { PartnerRecord } from '../../api/connectivity.ts';
import { neuronNamesQuery } from '../../api/neuron-names.ts';
import { allSynapses, groupPartnerRows } from '../../analysis/grouped-partners.ts';
import { buildPartnerTable, defaultPartnerFilter } from '../../analysis/partner-table.ts';
import { circuitsFields, type CircuitsUrlState } from '../../state/circuits-url.ts';
import { useSelection } from '../../state/selection-context.tsx';
import { clampInt } from '../../lib/url-fields.ts';
import { useProjectScope } from '../shared/catmaid-scope.tsx';
import { QueryErrorMessage } from '../shared/QueryErrorMessage.tsx';
import { GroupTable } from './GroupTable.tsx';
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

export function GroupsPanel({ state, onState, linkTypes }: Props) {
  const scope = useProjectScope();
  const add = useSelection((s) => s.add);
  const sources = useNeuronSet(state.groupSources);
  const linkType = effectiveLinkType(state.linkType, linkTypes);
  const reciprocal = linkType !== 'synaptic';
  const enabled = sources.ids.length > 0 && !sources.pending;
  const up = useQuery({
    ...linkTypePartnersQuery(scope, sources.ids, linkType, 'upstream'),
    enabled,
  });
  const down = useQuery({
    ...linkTypePartnersQuery(scope, sources.ids, linkType, 'downstream'),
    enabled: enabled && !reciprocal,
  });
  const sides: {
    direction: PartnerDirection;
    title: string;
    partners: readonly PartnerRecord[] | undefined;
  }[] = reciprocal
    ? [
        {
          direction: 'upstream',
          title: `Partners by group (${linkTypes.find((t) => t.id === linkType)?.label ?? linkType})`,
          partners: up.data,
        },
      ]
    : [
        { direction: 'upstream', title: 'Inputs by group (upstream)', partners: up.data },
        { direction: 'downstream', title: 'Outputs by group (downstream)', partners: down.data },
      ];
  const partnerIds = useMemo(
    () => [...new Set([...(up.data ?? []), ...(down.data ?? [])].map((p) => p.partnerId))],
    [up.data, down.data],
  );
  const groups = useGroups(partnerIds, state.meta, enabled);
  const names = useQuery(neuronNamesQuery(scope, [...partnerIds, ...sources.ids]));
  const nameMap = useMemo(() => names.data ?? new Map<number, string>(), [names.data]);
  const filter = {
    ...defaultPartnerFilter,
    sources: sources.ids,
    minSynapses: state.groupMin,
    minConfidence: state.minConfidence,
  };

  return (
    <section className="circuit-panel" aria-label="Grouped partners">
      <div className="set-pickers">
        <SetPicker
          label="Sources"
          value={state.groupSources}
          onChange={(v) => onState({ groupSources: v })}
          set={sources}
        />
      </div>
      <form
        className="partner-controls"
        aria-label="Grouping options"
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
        <label>
          Min synapses per partner
          <input
            type="number"
            min={1}
            value={state.groupMin}
            onChange={(e) =>
              onState({ groupMin: clampInt(circuitsFields.groupMin, e.target.value) })
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
        <p className="hint">
          Fractions are of all the sources&apos; synapses in that direction, partners below the
          threshold included.
        </p>
      </form>
      {groups.unknownMeta ? (
        <p role="alert">
          The project has no annotation “{state.meta}”: every partner is “{groups.ungrouped}”.
        </p>
      ) : null}
      <QueryErrorMessage query={up} context="Partners failed" />
      <QueryErrorMessage query={down} context="Partners failed" />
      <QueryErrors queries={groups.queries} context="Partner groups failed" />
      {!enabled ? (
        <p role="status">Choose the source neurons.</p>
      ) : groups.groupOf === undefined || sides.some((s) => !s.partners) ? (
        <p role="status">Loading partners and their annotations…</p>
      ) : (
        <div className="partner-tables">
          {sides.map((side) => {
            const partners = side.partners ?? [];
            const table = buildPartnerTable(partners, filter, { names: nameMap });
            const rows = groupPartnerRows(
              table.rows,
              groups.groupOf ?? new Map(),
              allSynapses(partners, sources.ids, state.minConfidence),
              groups.ungrouped,
            );
            return <GroupTable key={side.direction} title={side.title} groups={rows} onAdd={add} />;
          })}
        </div>
      )}
    </section>
  );
}
