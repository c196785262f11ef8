import type { ComboOption } from '../../../components/Combobox.tsx';
import { Combobox } from '../../../components/Combobox.tsx';
import type { SearchDraft } from './draft.ts';

type PartnerDraft = Pick<
  SearchDraft,
  'partnerDirection' | 'partnerKind' | 'partnerValue' | 'minSynapsesText'
>;

interface Props {
  draft: PartnerDraft;
  onChange: (patch: Partial<PartnerDraft>) => void;
  annotationOptions: readonly ComboOption[];
}

/** "Upstream of / downstream of ⟨neuron or annotation⟩ with ≥ N synapses". */
export function PartnerFields({ draft, onChange, annotationOptions }: Props) {
  const off = draft.partnerDirection === '';
  return (
    <fieldset className="partner-fields">
      <legend>Synaptic partners</legend>
      <label>
        Partners
        <select
          value={draft.partnerDirection}
          onChange={(e) =>
            onChange({ partnerDirection: e.target.value as PartnerDraft['partnerDirection'] })
          }
        >
          <option value="">any (no connectivity criterion)</option>
          <option value="upstream">upstream of</option>
          <option value="downstream">downstream of</option>
        </select>
      </label>
      <label>
        Partner source
        <select
          disabled={off}
          value={draft.partnerKind}
          onChange={(e) =>
            onChange({
              partnerKind: e.target.value as PartnerDraft['partnerKind'],
              partnerValue: '',
            })
          }
        >
          <option value="neuron">neuron (skeleton ID)</option>
          <option value="annotation">neurons with annotation</option>
        </select>
      </label>
      {draft.partnerKind === 'annotation' ? (
        <Combobox
          label="Source annotation"
          value={draft.partnerValue}
          options={annotationOptions}
          onChange={(partnerValue) => onChange({ partnerValue })}
        />
      ) : (
        <label>
          Source skeleton ID
          <input
            type="text"
            inputMode="numeric"
            disabled={off}
            value={draft.partnerValue}
            onChange={(e) => onChange({ partnerValue: e.target.value })}
          />
        </label>
      )}
      <label>
        Minimum synapses
        <input
          type="number"
          min={1}
          step={1}
          disabled={off}
          value={draft.minSynapsesText}
          onChange={(e) => onChange({ minSynapsesText: e.target.value })}
        />
      </label>
    </fieldset>
  );
}
