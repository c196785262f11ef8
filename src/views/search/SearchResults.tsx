import { useState } from 'react';
import type { SearchEntity } from '../../api/neuron-search.ts';
import { Pager } from '../../components/Pager.tsx';

interface Props {
  entities: readonly SearchEntity[];
  total: number;
  page: number;
  pageSize: number;
  onPage: (page: number) => void;
  onAddToSelection: (skeletonIds: number[]) => void;
  selectedSkeletonIds: ReadonlySet<number>;
}

export function SearchResults({
  entities,
  total,
  page,
  pageSize,
  onPage,
  onAddToSelection,
  selectedSkeletonIds,
}: Props) {
  const [checked, setChecked] = useState<ReadonlySet<number>>(new Set());
  const visibleIds = entities.flatMap((e) => e.skeletonIds);
  const checkedIds = visibleIds.filter((id) => checked.has(id));

  function toggle(ids: readonly number[], on: boolean) {
    setChecked((prev) => {
      const next = new Set(prev);
      for (const id of ids) {
        if (on) next.add(id);
        else next.delete(id);
      }
      return next;
    });
  }

  const allChecked = visibleIds.length > 0 && checkedIds.length === visibleIds.length;
  return (
    <section aria-label="Search results" className="search-results">
      <div className="results-toolbar">
        <p role="status">
          {total === 1 ? '1 neuron matches' : `${total.toLocaleString()} neurons match`}
        </p>
        <button
          type="button"
          disabled={checkedIds.length === 0}
          onClick={() => onAddToSelection(checkedIds)}
        >
          Add {checkedIds.length || ''} to selection
        </button>
        <Pager page={page} pageSize={pageSize} total={total} onPage={onPage} />
      </div>
      <table>
        <thead>
          <tr>
            <th scope="col">
              <input
                type="checkbox"
                aria-label="Select all neurons on this page"
                checked={allChecked}
                onChange={(e) => toggle(visibleIds, e.target.checked)}
              />
            </th>
            <th scope="col">Name</th>
            <th scope="col">Skeleton ID</th>
            <th scope="col">Annotations</th>
          </tr>
        </thead>
        <tbody>
          {entities.map((entity) => {
            const skid = entity.skeletonIds[0];
            return (
              <tr
                key={entity.id}
                aria-selected={skid !== undefined && selectedSkeletonIds.has(skid)}
              >
                <td>
                  <input
                    type="checkbox"
                    aria-label={`Select ${entity.name}`}
                    disabled={entity.skeletonIds.length === 0}
                    checked={
                      entity.skeletonIds.length > 0 &&
                      entity.skeletonIds.every((id) => checked.has(id))
                    }
                    onChange={(e) => toggle(entity.skeletonIds, e.target.checked)}
                  />
                </td>
                <td>{entity.name}</td>
                <td>{entity.skeletonIds.length ? entity.skeletonIds.join(', ') : '—'}</td>
                <td>
                  <ul className="chips" aria-label={`Annotations of ${entity.name}`}>
                    {entity.annotations.map((a) => (
                      <li key={a.id}>{a.name}</li>
                    ))}
                  </ul>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
