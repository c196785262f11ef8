import type { LoadSummary } from './load-tracker.ts';
import { formatCount } from '../../lib/format.ts';

/**
 * "Loaded k of n neurons", and each neuron that kept failing (name, id and the cause in words)
 * with "Retry failed". Transient failures never get here: the worker retried them already.
 */
export function LoadStatus({
  summary,
  names,
  onRetry,
}: {
  summary: LoadSummary;
  names: ReadonlyMap<number, string>;
  onRetry(): void;
}) {
  const { requested, loaded, failed, nodes, extrasFailed, fullPending, fullFailed } = summary;
  if (requested === 0) {
    return (
      <p role="status" className="viewer3d-status">
        No neurons to show: add neurons to the selection in Search (or switch hidden ones visible).
      </p>
    );
  }
  return (
    <div className="viewer3d-status">
      <p role="status">
        Loaded {loaded} of {requested} neurons ({formatCount(nodes)} nodes)
        {failed.length ? `, ${failed.length} failed` : ''}
      </p>
      {failed.length ? (
        <div role="alert" className="inline-error">
          <strong>
            {failed.length === 1
              ? 'One neuron could not be loaded'
              : `${failed.length} neurons could not be loaded`}
          </strong>
          <ul aria-label="Failed neurons">
            {failed.slice(0, 20).map((f) => (
              <li key={f.skeletonId}>
                {names.has(f.skeletonId)
                  ? `${names.get(f.skeletonId)} (skeleton ${f.skeletonId})`
                  : `skeleton ${f.skeletonId}`}
                : {f.message}
              </li>
            ))}
          </ul>
          {failed.length > 20 ? <p>… and {failed.length - 20} more</p> : null}
          <button type="button" onClick={onRetry}>
            Retry failed
          </button>
        </div>
      ) : null}
      {fullPending > 0 ? (
        <p role="status">
          Drawn from their display form: details of {formatCount(fullPending)} neurons (picking,
          per-node colours, finer detail, exports) are loading
        </p>
      ) : null}
      {fullFailed.length && !failed.length ? (
        <PartlyLoaded
          items={fullFailed}
          what={(n) =>
            `Details of ${n} could not be loaded (they are drawn; picking and exports lack them)`
          }
          listLabel="Neurons without details"
          onRetry={onRetry}
        />
      ) : null}
      {extrasFailed.length && !failed.length ? (
        <PartlyLoaded
          items={extrasFailed}
          what={(n) => `Synapses and tags of ${n} could not be loaded (the arbors are shown)`}
          listLabel="Neurons without synapses and tags"
          onRetry={onRetry}
        />
      ) : null}
    </div>
  );
}

/** Neurons drawn, but a later part of their data failed: which, why, and Retry. */
function PartlyLoaded({
  items,
  what,
  listLabel,
  onRetry,
}: {
  items: { skeletonId: number; message: string }[];
  what(neurons: string): string;
  listLabel: string;
  onRetry(): void;
}) {
  return (
    <div role="alert" className="inline-error">
      <strong>{what(items.length === 1 ? 'one neuron' : `${items.length} neurons`)}</strong>
      <ul aria-label={listLabel}>
        {items.slice(0, 20).map((f) => (
          <li key={f.skeletonId}>
            skeleton {f.skeletonId}: {f.message}
          </li>
        ))}
      </ul>
      <button type="button" onClick={onRetry}>
        Retry failed
      </button>
    </div>
  );
}
