// Why an apply was refused: which clusters and tasks differ from the reviewed plan.

import type { ReviewComparison } from '../review/verdict.js';

/** Plain lines, to be shown in a code fence. */
export function reviewDifferenceLines(review: ReviewComparison): string[] {
  const text: string[] = [];
  for (const c of review.clusters) {
    if (c.differences.length === 0) continue;
    text.push(`cluster ${c.cluster} (${c.region}): ${c.verdict}`);
    text.push(...c.differences.map((d) => `  ${d}`));
  }
  return text;
}

/** The step's failure message when the plan changed since review (on-plan-change: fail). */
export function refusalText(review: ReviewComparison): string {
  const lines = review.clusters
    .filter((c) => c.differences.length > 0)
    .flatMap((c) => [`cluster ${c.cluster} (${c.region}):`, ...c.differences.map((d) => `  ${d}`)]);
  return (
    'the plan changed since it was reviewed, so nothing was applied (on-plan-change: fail).\n' +
    `${lines.join('\n')}\n` +
    'Re-run the plan in a new pull request to review the current plan, or set on-plan-change: apply.'
  );
}
