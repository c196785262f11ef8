/** User statistics: project summary and contributions, and who built / time on the selection. */
import { useSelection } from '../../state/selection-context.tsx';
import { ContributionsSection } from './ContributionsSection.tsx';
import { ProjectSummary } from './ProjectSummary.tsx';
import { TimeInvestedSection } from './TimeInvestedSection.tsx';
import { WhoBuiltSection } from './WhoBuiltSection.tsx';
import '../connectivity/connectivity.css';

export function StatsView() {
  const ids = useSelection((s) => s.items.map((i) => i.skeletonId));
  return (
    <div className="view stats-view">
      <h1 className="visually-hidden">User statistics</h1>
      <ProjectSummary />
      <ContributionsSection />
      {ids.length === 0 ? (
        <section className="stats-section">
          <h2>The selection</h2>
          <p role="status" className="empty-note">
            The selection is empty. Add neurons from the Search view to see who built them and the
            time invested in them.
          </p>
        </section>
      ) : (
        <>
          <WhoBuiltSection ids={ids} />
          <TimeInvestedSection ids={ids} />
        </>
      )}
    </div>
  );
}
