import { useId, useState, type FormEvent } from 'react';
import { Combobox, type ComboOption } from '../../components/Combobox.tsx';
import { defaultSearchState, type SearchUrlState } from '../../state/search-url.ts';
import { AnnotationRows } from './form/AnnotationRows.tsx';
import { PartnerFields } from './form/PartnerFields.tsx';
import { RegionFields } from './form/RegionFields.tsx';
import { draftToSearch, searchToDraft, type SearchDraft } from './form/draft.ts';

interface Props {
  initial: SearchUrlState;
  onSearch: (next: SearchUrlState) => void;
  busy: boolean;
  annotationOptions: readonly ComboOption[];
  userOptions: readonly ComboOption[];
}

function lookup(options: readonly ComboOption[]) {
  return {
    idOf: (label: string) => {
      const o = options.find((x) => x.label === label);
      return o ? Number(o.value) : undefined;
    },
    labelOf: (id: number) => options.find((x) => x.value === String(id))?.label,
  };
}

export function SearchForm({ initial, onSearch, busy, annotationOptions, userOptions }: Props) {
  const users = lookup(userOptions);
  const [draft, setDraft] = useState<SearchDraft>(() => searchToDraft(initial, users.labelOf));
  const [problems, setProblems] = useState<string[]>([]);
  const problemsId = useId();
  const patch = (p: Partial<SearchDraft>) => setDraft((d) => ({ ...d, ...p }));

  function submit(event: FormEvent) {
    event.preventDefault();
    const result = draftToSearch(draft, users.idOf);
    if ('problems' in result) {
      setProblems(result.problems);
      return;
    }
    setProblems([]);
    onSearch({ ...result.search, sort: initial.sort });
  }

  return (
    <form
      role="search"
      aria-label="Neuron search"
      className="search-form"
      onSubmit={submit}
      aria-describedby={problems.length ? problemsId : undefined}
    >
      <div className="form-grid">
        <div className="form-col">
          <div className="form-line">
            <label>
              Neuron name
              <input
                type="search"
                value={draft.name}
                placeholder="substring, or /regular expression/"
                onChange={(e) => patch({ name: e.target.value })}
              />
            </label>
            <label className="inline">
              <input
                type="checkbox"
                checked={draft.caseSensitive}
                onChange={(e) => patch({ caseSensitive: e.target.checked })}
              />
              Case-sensitive
            </label>
            <label className="inline">
              <input
                type="checkbox"
                checked={draft.exact}
                onChange={(e) => patch({ exact: e.target.checked })}
              />
              Exact match
            </label>
          </div>
          <AnnotationRows
            rows={draft.annotations}
            options={annotationOptions}
            onChange={(annotations) => patch({ annotations })}
          />
          <label className="ids">
            Skeleton IDs
            <textarea
              rows={2}
              value={draft.idsText}
              placeholder="paste IDs separated by commas, spaces or new lines"
              onChange={(e) => patch({ idsText: e.target.value })}
            />
          </label>
        </div>
        <div className="form-col">
          <fieldset className="form-line">
            <legend>Annotation links</legend>
            <Combobox
              label="Annotated by"
              value={draft.annotator}
              options={userOptions}
              onChange={(annotator) => patch({ annotator })}
              placeholder="user login"
            />
            <label>
              Annotated from
              <input
                type="date"
                value={draft.dateFrom}
                onChange={(e) => patch({ dateFrom: e.target.value })}
              />
            </label>
            <label>
              Annotated until
              <input
                type="date"
                value={draft.dateTo}
                onChange={(e) => patch({ dateTo: e.target.value })}
              />
            </label>
          </fieldset>
          <PartnerFields draft={draft} annotationOptions={annotationOptions} onChange={patch} />
          <RegionFields draft={draft} onChange={patch} />
        </div>
      </div>
      <div className="form-actions">
        <button type="submit" disabled={busy}>
          Search
        </button>
        <button
          type="button"
          onClick={() => {
            setDraft(searchToDraft(defaultSearchState, users.labelOf));
            setProblems([]);
          }}
        >
          Clear
        </button>
      </div>
      {problems.length ? (
        <ul id={problemsId} role="alert" className="field-error">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      ) : null}
    </form>
  );
}
