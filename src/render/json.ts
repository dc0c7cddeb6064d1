// The plan as versioned JSON (`--output json`), documented in docs/plan-json.md. Field order is
// fixed here; inside tasks keys are sorted, so the same plan always prints the same bytes.

import { canonicalize } from '../lib/canonical-json.js';
import { countChanges, countClusterChanges } from '../plan/counts.js';
import type { Problem } from '../config/model.js';
import type { Plan } from '../plan/model.js';

export function planJsonDocument(plan: Plan): Record<string, unknown> {
  return {
    version: 1,
    summary: countChanges(plan),
    clusters: plan.clusters.map((c) => ({
      cluster: c.cluster,
      region: c.region,
      file: c.file,
      fingerprint: c.fingerprint,
      summary: countClusterChanges(c),
      unchanged: c.unchanged,
      tasks: c.tasks.map((t) => canonicalize(t)),
      errors: c.errors.map((p) => canonicalize(p)),
      warnings: c.warnings.map((p) => canonicalize(p)),
      unmanaged: c.unmanaged.map((u) => canonicalize(u)),
      unmanagedAddons: c.unmanagedAddons.map((u) => canonicalize(u)),
      notManaged: c.notManaged.map((n) => canonicalize(n)),
    })),
  };
}

export function renderPlanJson(plan: Plan): string {
  return `${JSON.stringify(planJsonDocument(plan), null, 2)}\n`;
}

/**
 * What `--output json` prints when the files are invalid and there is no plan: the same envelope
 * with no clusters and the problems, with their positions, so a script never has to parse text.
 */
export function renderInvalidConfigJson(problems: readonly Problem[]): string {
  const document = {
    version: 1,
    summary: { create: 0, update: 0, delete: 0, adopt: 0, total: 0 },
    clusters: [],
    problems: problems.map((p) => canonicalize(p)),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
