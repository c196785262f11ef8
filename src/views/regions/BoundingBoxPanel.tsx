/**
 * Bounding-box queries (pymaid get_neurons_in_bbox / get_connectors_in_bbox): type a box in nm,
 * or start from a volume's bounding box, and list the skeletons and connectors in it. The
 * connector query never carries a `limit` (CATMAID 2021.12 answers 500); the list is capped here.
 */
import { useQuery } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { neuronNamesQuery } from '../../api/neuron-names.ts';
import {
  connectorsInBoxQuery,
  skeletonsInBoxQuery,
  type BoundingBox,
  type BoxConnectorLink,
} from '../../api/spatial-queries.ts';
import type { Volume } from '../../api/volumes.ts';
import { ExportBar } from '../../components/plots/ExportBar.tsx';
import { DataTable } from '../../components/table/DataTable.tsx';
import { column, type TableColumn } from '../../components/table/define-column.ts';
import { tableCsv } from '../../components/table/table-export.ts';
import { displayedRows, useDataTable } from '../../components/table/use-data-table.ts';
import { useSelection } from '../../state/selection-context.tsx';
import { QueryErrorMessage } from '../shared/QueryErrorMessage.tsx';
import { useProjectScope } from '../shared/catmaid-scope.tsx';

const AXES = ['minx', 'miny', 'minz', 'maxx', 'maxy', 'maxz'] as const;
type BoxDraft = Record<(typeof AXES)[number], string>;
const MAX_CONNECTOR_ROWS = 20_000;

interface ConnectorRow {
  connectorId: number;
  x: number;
  y: number;
  z: number;
  links: number;
  skeletons: string;
}

const connectorColumns: TableColumn<ConnectorRow>[] = [
  column<ConnectorRow>({
    id: 'connectorId',
    header: 'Connector ID',
    csv: 'connector_id',
    value: (r) => r.connectorId,
    numeric: true,
    format: String,
  }),
  ...(['x', 'y', 'z'] as const).map((k) =>
    column<ConnectorRow>({
      id: k,
      header: `${k} (nm)`,
      csv: k,
      value: (r) => r[k],
      numeric: true,
    }),
  ),
  column<ConnectorRow>({ id: 'links', header: 'Links', value: (r) => r.links, numeric: true }),
  column<ConnectorRow>({
    id: 'skeletons',
    header: 'Linked skeletons',
    csv: 'skeleton_ids',
    value: (r) => r.skeletons,
    width: '14rem',
  }),
];

function connectorRows(links: readonly BoxConnectorLink[]): ConnectorRow[] {
  const rows = new Map<number, ConnectorRow & { skids: Set<number> }>();
  for (const l of links) {
    let row = rows.get(l.connectorId);
    if (!row) {
      row = {
        connectorId: l.connectorId,
        x: l.x,
        y: l.y,
        z: l.z,
        links: 0,
        skeletons: '',
        skids: new Set(),
      };
      rows.set(l.connectorId, row);
    }
    if (l.skeletonId !== null) {
      row.links++;
      row.skids.add(l.skeletonId);
    }
  }
  return [...rows.values()].map(({ skids, ...r }) => ({ ...r, skeletons: [...skids].join(' ') }));
}

function parseBox(d: BoxDraft): BoundingBox | string {
  const v = AXES.map((k) => Number(d[k]));
  if (AXES.some((k) => d[k].trim() === '') || v.some((n) => !Number.isFinite(n)))
    return 'Every bound must be a number (nm).';
  const [x0, y0, z0, x1, y1, z1] = v as [number, number, number, number, number, number];
  if (x0 > x1 || y0 > y1 || z0 > z1) return 'Each minimum must be at most its maximum.';
  return { min: [x0, y0, z0], max: [x1, y1, z1] };
}

export function BoundingBoxPanel({ volumes }: { volumes: readonly Volume[] }) {
  const id = useId();
  const scope = useProjectScope();
  const [draft, setDraft] = useState<BoxDraft>({
    minx: '',
    miny: '',
    minz: '',
    maxx: '',
    maxy: '',
    maxz: '',
  });
  const [box, setBox] = useState<BoundingBox | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const skeletons = useQuery({
    ...skeletonsInBoxQuery(scope, { where: { box: box ?? { min: [0, 0, 0], max: [0, 0, 0] } } }),
    enabled: box !== null,
  });
  const connectors = useQuery({
    ...connectorsInBoxQuery(scope, box ?? { min: [0, 0, 0], max: [0, 0, 0] }),
    enabled: box !== null,
  });
  const names = useQuery({
    ...neuronNamesQuery(scope, skeletons.data ?? []),
    enabled: (skeletons.data?.length ?? 0) > 0,
  });
  const allRows = useMemo(() => connectorRows(connectors.data ?? []), [connectors.data]);
  const rows = useMemo(() => allRows.slice(0, MAX_CONNECTOR_ROWS), [allRows]);
  const table = useDataTable({
    data: rows,
    columns: connectorColumns,
    getRowId: (r) => r.connectorId,
  });
  const add = useSelection((s) => s.add);
  const fromVolume = (v: Volume | undefined) => {
    if (!v?.bbox) return;
    const [x0, y0, z0] = v.bbox.min;
    const [x1, y1, z1] = v.bbox.max;
    setDraft({
      minx: String(x0),
      miny: String(y0),
      minz: String(z0),
      maxx: String(x1),
      maxy: String(y1),
      maxz: String(z1),
    });
  };
  return (
    <section aria-label="Bounding box" className="regions-panel">
      <h2>Skeletons and connectors in a box</h2>
      <form
        aria-label="Bounding box query"
        className="regions-form"
        onSubmit={(e) => {
          e.preventDefault();
          const parsed = parseBox(draft);
          if (typeof parsed === 'string') setProblem(parsed);
          else {
            setProblem(null);
            setBox(parsed);
          }
        }}
      >
        {AXES.map((k) => (
          <span key={k}>
            <label htmlFor={`${id}-${k}`}>{k} (nm)</label>
            <input
              id={`${id}-${k}`}
              type="number"
              step="any"
              value={draft[k]}
              onChange={(e) => setDraft({ ...draft, [k]: e.target.value })}
            />
          </span>
        ))}
        {volumes.length > 0 ? (
          <label>
            Start from the box of{' '}
            <select
              value=""
              onChange={(e) => fromVolume(volumes.find((v) => v.id === Number(e.target.value)))}
            >
              <option value="">(a chosen volume)</option>
              {volumes.map((v) => (
                <option key={v.id} value={v.id}>
                  {v.name}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <button type="submit">Query box</button>
      </form>
      {problem ? <p role="alert">{problem}</p> : null}
      <QueryErrorMessage query={skeletons} context="Skeletons in box failed" />
      <QueryErrorMessage query={connectors} context="Connectors in box failed" />
      {skeletons.data ? (
        <>
          <h3>{skeletons.data.length} skeletons with an edge in the box</h3>
          {skeletons.data.length > 0 ? (
            <button type="button" onClick={() => add(skeletons.data)}>
              Add {skeletons.data.length} skeletons to selection
            </button>
          ) : null}
          <ul aria-label="Skeletons in box" className="regions-results">
            {skeletons.data.slice(0, 2000).map((s) => (
              <li key={s} data-skeleton-id={s}>
                {names.data?.get(s) ?? s} ({s})
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {connectors.data ? (
        <>
          <h3>
            {allRows.length} connectors (a connector counts when it or one of its links touches the
            box){allRows.length > rows.length ? `; the first ${rows.length} are listed` : ''}
          </h3>
          <ExportBar
            name="connectors in box"
            fileBase="connectors-in-box"
            actions={{ csv: () => tableCsv(connectorColumns, displayedRows(table)) }}
          />
          <DataTable table={table} label="Connectors in box" empty="No connectors in this box." />
        </>
      ) : null}
    </section>
  );
}
