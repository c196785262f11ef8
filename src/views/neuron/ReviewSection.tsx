/**
 * Section 3, review (pymaid `get_review`, `get_review_details`): percent reviewed overall and per
 * reviewer under the reviewer whitelist, and the review time line, from the reviews in the
 * neuron's record (compact-detail `with_reviews` + `with_history` gives each review's time).
 */
import { useMemo } from 'react';
import type { ArborNode } from '../../analysis/neuron/arbor.ts';
import { reviewSummary, reviewTimeline } from '../../analysis/neuron/review-summary.ts';
import type { SkeletonHistory } from '../../api/skeleton-history.ts';
import { ExportableChart } from '../../components/plots/ExportableChart.tsx';
import { ExportBar } from '../../components/plots/ExportBar.tsx';
import { DataTable } from '../../components/table/DataTable.tsx';
import { tableCsv } from '../../components/table/table-export.ts';
import { displayedRows, useDataTable } from '../../components/table/use-data-table.ts';
import { formatCount, formatPercent } from '../../lib/format.ts';
import { useReviewerWhitelist, whitelistOf } from '../../state/reviewer-whitelist.ts';
import { useProjectScope } from '../shared/catmaid-scope.tsx';
import { useUserNames } from '../stats/use-user-names.ts';
import { reviewerColumns, type ReviewerRow } from './review-columns.tsx';
import { reviewTimelineCsv, reviewTimelineFigure } from './review-figure.ts';
import { ReviewerWhitelist } from './ReviewerWhitelist.tsx';

interface Props {
  skeletonId: number;
  name: string;
  history: SkeletonHistory;
  live: readonly ArborNode[];
}

export function ReviewSection({ skeletonId, history, live }: Props) {
  const scope = useProjectScope();
  const userName = useUserNames();
  const listed = useReviewerWhitelist((s) => s.byServer[scope.server]);
  const whitelist = useMemo(
    () => whitelistOf(listed ? { [scope.server]: listed } : {}, scope.server),
    [listed, scope.server],
  );
  const liveIds = useMemo(() => live.map((n) => n.nodeId), [live]);
  const summary = useMemo(
    () => reviewSummary(liveIds, history.reviews, whitelist),
    [liveIds, history.reviews, whitelist],
  );
  const steps = useMemo(
    () => reviewTimeline(liveIds, history.reviews, whitelist),
    [liveIds, history.reviews, whitelist],
  );
  const rows: ReviewerRow[] = useMemo(
    () =>
      summary.reviewers.map((r) => ({ ...r, userId: r.reviewerId, user: userName(r.reviewerId) })),
    [summary, userName],
  );
  const candidates = useMemo(
    () => [...new Set([...rows.map((r) => r.userId), ...(listed ?? [])])],
    [rows, listed],
  );
  const table = useDataTable({
    data: rows,
    columns: reviewerColumns,
    getRowId: (r) => r.userId,
    initialSort: { id: 'nodes', desc: true },
  });
  const figure = useMemo(() => reviewTimelineFigure(steps), [steps]);
  return (
    <section className="stats-section" aria-labelledby="review-title">
      <h2 id="review-title">Review</h2>
      <p role="status" aria-label="Review status">
        {formatPercent(summary.percent, 1)} reviewed: {formatCount(summary.reviewedNodes)} of{' '}
        {formatCount(summary.totalNodes)} nodes
        {whitelist === null ? ' (reviews by anyone)' : ' (reviews by the whitelisted reviewers)'}
      </p>
      <ReviewerWhitelist
        server={scope.server}
        candidates={candidates}
        whitelist={whitelist}
        userName={userName}
      />
      {rows.length === 0 ? (
        <p className="empty-note">Nobody has reviewed this neuron.</p>
      ) : (
        <>
          <ExportBar
            name="reviewers"
            fileBase={`neuron-${skeletonId}-reviewers`}
            actions={{ csv: () => tableCsv(reviewerColumns, displayedRows(table)) }}
          />
          <DataTable table={table} label="Reviewers of this neuron" />
          <h3>Review time line</h3>
          <ExportableChart
            name="review time line"
            fileBase={`neuron-${skeletonId}-review-timeline`}
            height={280}
            data={figure.data}
            layout={figure.layout}
            csv={() => reviewTimelineCsv(steps)}
          />
        </>
      )}
    </section>
  );
}
