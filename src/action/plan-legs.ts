// Matrix fan-out: what a plan leg writes for the report job (its plan JSON with the review context
// it was planned in), and the report job's merge of the legs' files into one plan, refused whenever
// the files do not make one consistent plan of this pull request's head. Pure: text in, data out.
// The files come from the pull request's own jobs: the merge only makes sure they agree with each
// other and with the report's own context; what binds is the comment the report writes, which
// apply checks against a plan it recomputes (docs/action.md, "Matrix fan-out").

import { createHash } from 'node:crypto';
import { fingerprint, type HashedTask } from '../review/fingerprint.js';
import type { ClusterPlan, Plan } from '../plan/model.js';
import { planJsonDocument } from '../render/json.js';

/** Where and for what a leg planned: the report's own context must be the same. */
export interface LegContext {
  repository: string;
  pullRequest: number;
  headSha: string;
  salt: string;
  /** The config set (sorted `config` globs), without the leg's `clusters`. */
  config: string;
}

/** A leg's file: its plan JSON (docs/plan-json.md) with the context it was planned in. */
export function renderLegFile(plan: Plan, context: LegContext): string {
  return `${JSON.stringify({ ...planJsonDocument(plan), review: context }, null, 2)}\n`;
}

/** A name unique to the leg (its comment key), so downloaded artifacts can share one directory. */
export function legFileName(legKey: string): string {
  const id = createHash('sha256').update(legKey, 'utf8').digest('hex').slice(0, 16);
  return `podid-plan-leg-${id}.json`;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json =>
  v !== null && typeof v === 'object' && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every(isString);
const isObjectArray = (v: unknown): v is Json[] => Array.isArray(v) && v.every(isObject);

function isTask(t: unknown): boolean {
  return (
    isObject(t) &&
    ['id', 'kind', 'change', 'target', 'description', 'reason'].every((k) => isString(t[k])) &&
    isStringArray(t.dependsOn) &&
    isObject(t.params)
  );
}

const isProblem = (p: unknown): boolean => isObject(p) && isString(p.message);

/** One cluster of a leg's file as a ClusterPlan, or why it is not one. */
function clusterOf(raw: unknown, salt: string): ClusterPlan | string {
  if (!isObject(raw) || !isString(raw.cluster) || !isString(raw.region) || !isString(raw.file))
    return 'a cluster without its name, region or file';
  const name = `cluster "${raw.cluster}" (${raw.region})`;
  const lists = ['tasks', 'errors', 'warnings', 'unmanaged', 'unmanagedAddons', 'notManaged'];
  if (!lists.every((k) => isObjectArray(raw[k])) || typeof raw.unchanged !== 'number')
    return `${name} is not a plan of version 1`;
  if (!(raw.tasks as unknown[]).every(isTask)) return `${name} has a task that is not one`;
  if (![...(raw.errors as Json[]), ...(raw.warnings as Json[])].every(isProblem))
    return `${name} has a problem without a message`;
  const tasks = raw.tasks as unknown as ClusterPlan['tasks'];
  // What the comment will bind is recomputed here from the tasks it shows, never taken on trust.
  if (fingerprint(tasks as unknown as HashedTask[], salt) !== raw.fingerprint)
    return `${name}: its fingerprint is not that of its tasks with this pull request's salt (the file was changed, or planned for another pull request)`;
  return {
    cluster: raw.cluster,
    region: raw.region,
    file: raw.file,
    tasks,
    errors: raw.errors as unknown as ClusterPlan['errors'],
    warnings: raw.warnings as unknown as ClusterPlan['warnings'],
    unmanaged: raw.unmanaged as unknown as ClusterPlan['unmanaged'],
    unmanagedAddons: raw.unmanagedAddons as unknown as ClusterPlan['unmanagedAddons'],
    notManaged: raw.notManaged as unknown as ClusterPlan['notManaged'],
    unchanged: raw.unchanged,
    fingerprint: raw.fingerprint as string,
  };
}

const CONTEXT_FIELDS: readonly (keyof LegContext)[] = [
  'repository',
  'pullRequest',
  'headSha',
  'salt',
  'config',
];

const FIELD_NAMES: Record<keyof LegContext, string> = {
  repository: 'repository',
  pullRequest: 'pull request',
  headSha: 'head commit',
  salt: 'fingerprint salt',
  config: 'config set',
};

export interface LegFile {
  /** As the report job found it (for messages). */
  path: string;
  text: string;
}

/**
 * The legs' files as one plan, or every reason they are not one: a file that is not a leg's plan,
 * a leg planned for another head, salt, pull request or config set than the report's, a cluster
 * planned twice, a configured cluster no leg planned, a planned cluster the config does not have.
 */
export function mergeLegs(
  files: readonly LegFile[],
  expected: LegContext,
  configured: readonly { name: string; region: string }[],
): { plan: Plan } | { problems: string[] } {
  const problems: string[] = [];
  const clusters: ClusterPlan[] = [];
  const seen = new Map<string, string>();
  if (files.length === 0) problems.push('no plan files were found');
  for (const { path, text } of files) {
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch {
      problems.push(`${path}: not JSON`);
      continue;
    }
    if (!isObject(doc) || doc.version !== 1 || !Array.isArray(doc.clusters)) {
      problems.push(`${path}: not a plan JSON of version 1`);
      continue;
    }
    const review = doc.review;
    if (!isObject(review)) {
      problems.push(
        `${path}: a plan without its review context (only a plan leg with the plan-dir input writes one)`,
      );
      continue;
    }
    const differs = CONTEXT_FIELDS.filter((k) => review[k] !== expected[k]);
    if (differs.length > 0) {
      problems.push(
        `${path}: planned for another ${differs.map((k) => `${FIELD_NAMES[k]} (${JSON.stringify(review[k])}, this run: ${JSON.stringify(expected[k])})`).join(', ')}`,
      );
      continue;
    }
    for (const raw of doc.clusters) {
      const cluster = clusterOf(raw, expected.salt);
      if (typeof cluster === 'string') {
        problems.push(`${path}: ${cluster}`);
        continue;
      }
      const key = `${cluster.region}/${cluster.cluster}`;
      const first = seen.get(key);
      if (first !== undefined) {
        problems.push(
          `cluster "${cluster.cluster}" (${cluster.region}) is planned twice, in ${first} and ${path}: give each matrix leg other clusters`,
        );
        continue;
      }
      seen.set(key, path);
      clusters.push(cluster);
    }
  }
  const wanted = new Set(configured.map((c) => `${c.region}/${c.name}`));
  for (const c of configured) {
    if (!seen.has(`${c.region}/${c.name}`))
      problems.push(
        `cluster "${c.name}" (${c.region}) has no plan: its leg failed before writing one, or its artifact was not downloaded`,
      );
  }
  for (const c of clusters) {
    if (!wanted.has(`${c.region}/${c.cluster}`))
      problems.push(
        `cluster "${c.cluster}" (${c.region}) was planned, but the config (at this commit) does not declare it`,
      );
  }
  if (problems.length > 0) return { problems };
  // The order a single run plans in: by file, then cluster name.
  clusters.sort((a, b) =>
    a.file === b.file ? a.cluster.localeCompare(b.cluster) : a.file.localeCompare(b.file),
  );
  return { plan: { version: 1, clusters } };
}
