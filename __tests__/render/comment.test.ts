// The PR comment body: byte budget with explicit truncation, escaping, header round trip.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { compareWithReviewed } from '../../src/review/verdict.js';
import {
  buildCommentBody,
  COMMENT_BUDGET_BYTES,
  type CommentView,
} from '../../src/render/comment.js';
import { clusterBinding, clusterTag, taskHash } from '../../src/review/fingerprint.js';
import {
  HEADER_BUDGET_BYTES,
  bodySha,
  decodeHeader,
  planFingerprint,
  visibleBody,
} from '../../src/review/marker.js';
import { HOSTILE, SALT, mixedPlan, planWithCreates } from '../plan/sample-plans.js';
import type { Plan } from '../../src/plan/model.js';

const RUN = 'https://github.com/org/infra/actions/runs/42';

function view(plan: Plan, extra: Partial<CommentView> = {}): CommentView {
  return {
    status: 'planned',
    repo: 'org/infra',
    pr: 7,
    headSha: 'f00dbabe'.repeat(5),
    mode: 'plan',
    key: '**/*.eksctl.yaml',
    salt: SALT,
    runUrl: RUN,
    plan,
    ...extra,
  };
}

/** Text outside fenced code blocks, where Markdown/HTML would be interpreted. */
function outsideCode(md: string): string {
  const out: string[] = [];
  let fence: string | undefined;
  for (const line of md.split('\n')) {
    const m = /^(`{3,})/.exec(line);
    if (fence === undefined && m) fence = m[1];
    else if (fence !== undefined && line === fence) fence = undefined;
    else if (fence === undefined) out.push(line);
  }
  return out.join('\n');
}

describe('comment body', () => {
  it('has the hidden header, counts, destroy warning and an open <details> for a short plan', () => {
    const plan = mixedPlan();
    const body = buildCommentBody(view(plan));
    expect(body.startsWith('<!-- podid-action:v2 {')).toBe(true);
    expect(body).toContain('### 📋 Pod Identity plan');
    expect(body).toContain(
      '**Plan:** 2 to create, 0 to update, 1 to delete, 1 to adopt in 1 cluster(s).',
    );
    expect(body).toContain('> [!WARNING]');
    expect(body).toContain('<details open><summary><b>test-cluster</b> (us-west-2)');
    expect(body).toContain('- delete pod identity association "default/gone"');
    expect(body).toContain('eksctl task tree:');
    expect(body).toContain(`full plan and logs: ${RUN}`);
  });

  it('opens with the per-cluster table; only clusters with changes or errors are expanded', () => {
    const changed = mixedPlan().clusters[0];
    const quiet = { ...planWithCreates(0).clusters[0], cluster: 'quiet' };
    const body = visibleBody(buildCommentBody(view({ version: 1, clusters: [changed, quiet] })));
    const lines = body.split('\n');
    expect(lines.slice(0, 5)).toEqual([
      '### 📋 Pod Identity plan',
      '',
      '| cluster | region | create | update | delete | adopt | errors |',
      '| --- | --- | ---: | ---: | ---: | ---: | ---: |',
      '| test-cluster | us-west-2 | 2 | 0 | 1 | 1 | 0 |',
    ]);
    expect(lines[5]).toBe('| quiet | us-west-2 | 0 | 0 | 0 | 0 | 0 |');
    expect(body).toContain('<details open><summary><b>test-cluster</b>');
    expect(body).toContain('<details><summary><b>quiet</b>');
  });

  it('renders a hostile tag value as text: never as HTML outside a code fence', () => {
    const body = buildCommentBody(view(mixedPlan(), { notes: [`note ${HOSTILE}`] }));
    const outside = outsideCode(visibleBody(body));
    expect(outside).not.toContain('<img');
    expect(outside.match(/<\/details>/g)?.length).toBe(outside.match(/<details/g)?.length);
    expect(outside).toContain('&lt;/details&gt;&lt;img src=x onerror=alert(1)&gt;');
    // The header JSON cannot end the HTML comment it sits in.
    const header = body.slice(0, body.indexOf('\n'));
    expect(header.indexOf('-->')).toBe(header.length - 3);
  });

  it('stays within 60,000 bytes at 2,000 changes, truncating explicitly with a link', () => {
    const plan = planWithCreates(2000, { tags: { team: 'platform-ünïcødé-☃' } });
    expect(plan.clusters[0].tasks.length).toBeGreaterThanOrEqual(2000);
    const body = buildCommentBody(view(plan));
    expect(Buffer.byteLength(body, 'utf8')).toBeLessThanOrEqual(COMMENT_BUDGET_BYTES);
    expect(body).toMatch(
      /… \d+ more line\(s\); full plan in the job summary: https:\/\/github\.com\/org\/infra\/actions\/runs\/42/,
    );
    expect(body.trimEnd().endsWith('</sub>')).toBe(true);
    // Fences stay balanced and <details> closed after truncation.
    const v = visibleBody(body);
    expect(v.match(/^```/gm)!.length % 2).toBe(0);
    expect(outsideCode(v).match(/<\/details>/g)?.length).toBe(1);
    // The per-task list still travels in the header.
    const header = decodeHeader(body)!;
    expect(header.reviewed.tasks[0].tasks).toHaveLength(plan.clusters[0].tasks.length);
  });

  it('keeps every cluster visible as a stub when the budget runs out', () => {
    const big = planWithCreates(400);
    const plan: Plan = {
      version: 1,
      clusters: [0, 1, 2].map((i) => ({ ...big.clusters[0], cluster: `c${i}` })),
    };
    const body = buildCommentBody(view(plan), 20_000);
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(20_000);
    for (const name of ['c0', 'c1', 'c2']) expect(body).toContain(`<b>${name}</b>`);
  });

  it.each([400, 1000])(
    'sums up %i clusters × 3 tasks within GitHub limit: whole Markdown, one line per cluster past the room, and where the full plan is',
    (n) => {
      const three = planWithCreates(3).clusters[0];
      const plan: Plan = {
        version: 1,
        clusters: Array.from({ length: n }, (_, i) => ({
          ...three,
          cluster: `team-${String(i).padStart(4, '0')}-production`,
        })),
      };
      const body = buildCommentBody(view(plan, { planFiles: "the run's plan artifacts" }));
      expect(Buffer.byteLength(body)).toBeLessThanOrEqual(COMMENT_BUDGET_BYTES);
      expect(body.length).toBeLessThan(65_536);
      expect(decodeHeader(body)!.reviewed.clusters).toHaveLength(n);
      const v = visibleBody(body);
      expect(v.match(/^```/gm)!.length % 2).toBe(0);
      const md = outsideCode(v);
      expect(md.match(/<details/g)!.length).toBe(md.match(/<\/details>/g)!.length);
      const shown = md.match(/<details/g)!.length;
      expect(v).toContain(
        `**${n - shown} more cluster(s)**, one line each: the comment has no room for their plans, which are in the job summary (and the run's plan artifacts): ${RUN}`,
      );
      const lines = md.split('\n').filter((l) => l.startsWith('- <b>team-')).length;
      expect(lines).toBeGreaterThan(50);
      expect(v).toContain(`- … and ${n - shown - lines} more cluster(s)`);
      expect(v.trimEnd().endsWith('</sub>')).toBe(true);
    },
  );

  it('binds 1,000 clusters × 10 tasks within the header budget, each with its own record', () => {
    const ten = planWithCreates(10).clusters[0];
    const clusters = Array.from({ length: 1000 }, (_, i) => {
      const name = `cluster-${String(i).padStart(4, '0')}`;
      return {
        ...ten,
        cluster: name,
        file: `clusters/${name}.eksctl.yaml`,
        fingerprint: createHash('sha256').update(name).digest('hex'),
      };
    });
    const plan: Plan = { version: 1, clusters };
    const body = buildCommentBody(view(plan));
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(60_000);
    // The table shows its first rows and counts the rest.
    expect(body).toContain('| cluster-0000 | us-west-2 | 10 | 0 | 0 | 0 | 0 |');
    expect(body).toContain('| … and 950 more cluster(s) | | | | | | |');
    const headerLine = body.slice(0, body.indexOf('\n'));
    expect(Buffer.byteLength(headerLine)).toBeLessThanOrEqual(HEADER_BUDGET_BYTES);
    const header = decodeHeader(body)!;
    expect(header.reviewed.fingerprint).toBe(planFingerprint(clusters));
    expect(header.reviewed).toMatchObject({ omitted: 0 });
    expect(header.reviewed.clusters).toHaveLength(1000);
    // A leg of one cluster passes on that cluster's record alone.
    const last: Plan = { version: 1, clusters: [clusters[999]] };
    const basis = { ...header.reviewed, remainderAllowed: false };
    expect(compareWithReviewed(last, basis, SALT).matches).toBe(true);
    const changed: Plan = {
      version: 1,
      clusters: [{ ...clusters[999], fingerprint: 'f'.repeat(64) }],
    };
    expect(compareWithReviewed(changed, basis, SALT).clusters[0].verdict).toBe('changed');
  });

  it('round-trips the header: fingerprints, task hashes, PR, sha, status and the body hash', () => {
    const plan = mixedPlan();
    const body = buildCommentBody(view(plan, { status: 'applied' }));
    const header = decodeHeader(body)!;
    expect(header).toMatchObject({
      repo: 'org/infra',
      pr: 7,
      headSha: 'f00dbabe'.repeat(5),
      mode: 'plan',
      status: 'applied',
      key: '**/*.eksctl.yaml',
    });
    expect(header.bodySha).toBe(bodySha(visibleBody(body)));
    const c = plan.clusters[0];
    expect(header.reviewed.fingerprint).toBe(planFingerprint(plan.clusters));
    expect(header.reviewed.omitted).toBe(0);
    expect(header.reviewed.clusters).toEqual([
      {
        tag: clusterTag(c.region, c.cluster),
        binding: clusterBinding(c.region, c.cluster, c.fingerprint),
      },
    ]);
    expect(header.reviewed.tasks).toEqual([
      {
        region: c.region,
        name: c.cluster,
        tasks: c.tasks.map((t) => ({ id: t.id, hash: taskHash(t, SALT) })),
      },
    ]);
  });

  it('ignores bodies without the marker at the very start, or with a broken header', () => {
    const body = buildCommentBody(view(mixedPlan()));
    expect(decodeHeader(`> quoted\n${body}`)).toBeUndefined();
    expect(decodeHeader('<!-- podid-action:v1 {not json} -->')).toBeUndefined();
    expect(decodeHeader('<!-- podid-action:v1 {"v":2,"clusters":[]} -->')).toBeUndefined();
  });

  it('shows config problems escaped, with nothing planned', () => {
    const body = buildCommentBody(
      view(mixedPlan(), {
        status: 'invalid-config',
        plan: undefined,
        problems: [
          {
            severity: 'error',
            file: 'c.yaml',
            line: 3,
            column: 5,
            message: `bad ${HOSTILE}`,
            hint: 'fix it',
          },
        ],
      }),
    );
    expect(body).toContain('### ❌ Pod Identity configuration is invalid');
    expect(body).toContain('c.yaml:3:5');
    expect(outsideCode(body)).not.toContain('<img');
  });
});
