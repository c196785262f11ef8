/** The Neuron view's annotation table: one row per annotation link of the neuron. */
import { column, type TableColumn } from '../../components/table/define-column.ts';
import { isoDateTime } from '../../lib/format.ts';
import { SearchAnnotationLink } from '../shared/SearchAnnotationLink.tsx';

export interface AnnotationRow {
  id: number;
  name: string;
  userId: number;
  user: string;
  /** Epoch ms the link was made (undefined when the server sent no time). */
  linkedAt: number | undefined;
  /** Meta-annotation chains, root first, e.g. ["cell type › PN"]. */
  breadcrumbs: string[];
}

export const annotationColumns: TableColumn<AnnotationRow>[] = [
  column<AnnotationRow>({
    id: 'name',
    header: 'Annotation',
    width: 'auto',
    value: (r) => r.name,
    cell: (r) => <SearchAnnotationLink name={r.name} />,
    csv: 'annotation',
  }),
  column<AnnotationRow>({
    id: 'id',
    header: 'Annotation id',
    value: (r) => r.id,
    csv: 'annotation_id',
    csvOnly: true,
  }),
  column<AnnotationRow>({
    id: 'user',
    header: 'Annotated by',
    width: '9rem',
    value: (r) => r.user,
    csv: 'annotator',
  }),
  column<AnnotationRow>({
    id: 'linkedAt',
    header: 'Annotated on (UTC)',
    width: '12rem',
    value: (r) => r.linkedAt ?? null,
    cell: (r) => (r.linkedAt === undefined ? '–' : isoDateTime(r.linkedAt)),
    csv: {
      header: 'annotated_on_utc',
      value: (r) => (r.linkedAt === undefined ? '' : isoDateTime(r.linkedAt)),
    },
  }),
  column<AnnotationRow>({
    id: 'meta',
    header: 'Meta-annotations',
    width: 'auto',
    value: (r) => r.breadcrumbs.join('; '),
    cell: (r) =>
      r.breadcrumbs.length === 0 ? (
        <span className="hint">none</span>
      ) : (
        <ul className="breadcrumbs">
          {r.breadcrumbs.map((b) => (
            <li key={b}>{b}</li>
          ))}
        </ul>
      ),
    csv: 'meta_annotation_paths',
  }),
];
