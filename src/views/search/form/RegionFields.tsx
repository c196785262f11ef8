import { useQuery } from '@tanstack/react-query';
import { volumesQuery } from '../../../api/volumes.ts';
import type { RegionWhat } from '../../../state/search-region-url.ts';
import { useProjectScope } from '../../shared/catmaid-scope.tsx';
import type { SearchDraft } from './draft.ts';

type RegionDraft = Pick<SearchDraft, 'regionVolume' | 'regionWhat' | 'regionMinText'>;

interface Props {
  draft: RegionDraft;
  onChange: (patch: Partial<RegionDraft>) => void;
}

/**
 * "Has nodes / synapses / presynapses / postsynapses in volume V, at least k". The server only
 * offers bounding-box tests, so it narrows the candidates and the exact mesh test runs here.
 */
export function RegionFields({ draft, onChange }: Props) {
  const scope = useProjectScope();
  const volumes = useQuery(volumesQuery(scope));
  const off = draft.regionVolume === '';
  return (
    <fieldset className="partner-fields">
      <legend>Region</legend>
      <label>
        In volume
        <select
          value={draft.regionVolume}
          onChange={(e) => onChange({ regionVolume: e.target.value })}
        >
          <option value="">any (no region criterion)</option>
          {volumes.data?.map((v) => (
            <option key={v.id} value={String(v.id)}>
              {v.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Has
        <select
          disabled={off}
          value={draft.regionWhat}
          onChange={(e) => onChange({ regionWhat: e.target.value as RegionWhat })}
        >
          <option value="nodes">nodes</option>
          <option value="synapses">synapses</option>
          <option value="pre">presynapses</option>
          <option value="post">postsynapses</option>
        </select>
      </label>
      <label>
        At least
        <input
          type="number"
          min={1}
          disabled={off}
          value={draft.regionMinText}
          onChange={(e) => onChange({ regionMinText: e.target.value })}
        />
      </label>
      <p className="hint">
        Candidates come from the server&apos;s bounding-box test; the exact point-in-mesh test (ray
        parity, or a ray vote with winding number on meshes with holes) runs in the browser.
      </p>
    </fieldset>
  );
}
