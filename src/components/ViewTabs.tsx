export interface ViewTab<V extends string> {
  id: V;
  label: string;
}

interface Props<V extends string> {
  tabs: readonly ViewTab<V>[];
  active: V;
  onSelect: (id: V) => void;
}

/** Navigation between the dashboard's views; links so they can be opened in a new tab too. */
export function ViewTabs<V extends string>({ tabs, active, onSelect }: Props<V>) {
  return (
    <nav aria-label="Views" className="view-tabs">
      {tabs.map((tab) => (
        <a
          key={tab.id}
          href={`?view=${tab.id}`}
          aria-current={tab.id === active ? 'page' : undefined}
          onClick={(event) => {
            if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
            event.preventDefault();
            onSelect(tab.id);
          }}
        >
          {tab.label}
        </a>
      ))}
    </nav>
  );
}
