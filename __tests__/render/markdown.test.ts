// Markdown for the PR comment: counts, destroy warning, diff lines, and escaping of hostile strings.
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/render/markdown.js';
import { codeBlock, escapeMarkdown } from '../../src/render/escape.js';
import { countChanges } from '../../src/plan/counts.js';
import { renderPlanJson } from '../../src/render/json.js';
import { taskLines } from '../../src/render/task-lines.js';
import { planAll } from '../../src/plan/plan-cluster.js';
import {
  OPTIONS,
  association,
  entry,
  live,
  ownerTags,
  roleArn,
  spec,
  trustedRole,
} from '../plan/fixtures.js';

const HOSTILE = '</details><img src=x onerror=alert(1)>';

function samplePlan() {
  const r = roleArn('user');
  return planAll(
    [
      spec([
        entry('default', 'new', {
          permissionPolicyARNs: ['arn:aws:iam::aws:policy/A'],
          tags: { note: HOSTILE },
        }),
        entry('default', 'adopt', { roleARN: r }),
      ]),
    ],
    [
      live({
        associations: [
          association('default', 'adopt', r),
          association('default', 'gone', roleArn('x'), { tags: ownerTags() }),
          association('default', `evil${HOSTILE}`, roleArn('x')),
        ],
        roles: { [r]: trustedRole(r) },
      }),
    ],
    OPTIONS,
  );
}

describe('renderMarkdown', () => {
  it('summarises counts, warns about deletions and shows +/~/- lines', () => {
    const plan = samplePlan();
    expect(countChanges(plan)).toEqual({ create: 2, update: 0, delete: 1, adopt: 1, total: 4 });
    const md = renderMarkdown(plan);
    expect(md).toContain(
      '**Plan:** 2 to create, 0 to update, 1 to delete, 1 to adopt in 1 cluster(s).',
    );
    expect(md).toContain('> [!WARNING]');
    expect(md).toContain(
      '+ create IAM role for pod identity association for service account "default/new"',
    );
    expect(md).toContain('~ adopt pod identity association "default/adopt"');
    expect(md).toContain('- delete pod identity association "default/gone"');
    expect(md).toContain('+     managed policy arn:aws:iam::aws:policy/A');
    expect(md).toContain(`Fingerprint: \`${plan.clusters[0].fingerprint}\``);
  });

  it('renders hostile strings as text outside code blocks', () => {
    const md = renderMarkdown(samplePlan());
    const outside = md
      .split(/^```+.*$/m)
      .filter((_, i) => i % 2 === 0)
      .join('\n');
    expect(outside).not.toContain('<img');
    expect(outside).not.toContain('</details><img');
    expect(outside).toContain('&lt;/details&gt;&lt;img src=x onerror=alert(1)&gt;');
  });

  it('escapes Markdown and mentions', () => {
    expect(escapeMarkdown('[x](http://e) @team *b* `c` #12 a-b.c')).toBe(
      '\\[x\\](http\\://e) &#64;team \\*b\\* \\`c\\` \\#12 a-b.c',
    );
    expect(escapeMarkdown('a\nb')).toBe('a b');
  });

  it('keeps a value from closing the code fence', () => {
    const block = codeBlock('+ tag x = ```\n```', 'diff');
    expect(block.startsWith('````diff\n')).toBe(true);
    expect(block.endsWith('\n````')).toBe(true);
  });

  it('says so when nothing changes', () => {
    const md = renderMarkdown(planAll([spec([])], [live()], OPTIONS));
    expect(md).toContain('No changes. The cluster matches the configuration.');
    expect(md).not.toContain('[!WARNING]');
  });
});

describe('renderPlanJson', () => {
  it('is versioned, stable and carries counts and tasks', () => {
    const plan = samplePlan();
    const text = renderPlanJson(plan);
    expect(renderPlanJson(JSON.parse(JSON.stringify(plan)))).toBe(text);
    const doc = JSON.parse(text);
    expect(Object.keys(doc)).toEqual(['version', 'summary', 'clusters']);
    expect(doc.version).toBe(1);
    expect(doc.clusters[0].tasks[0].id).toBe('tag-association:default/adopt');
    expect(doc.clusters[0].summary.total).toBe(4);
  });
});

describe('what a role grants, in the review', () => {
  it('shows the inline policy document of a new role and only the stack tags that change', async () => {
    const { planCluster } = await import('../../src/plan/plan-cluster.js');
    const fx = await import('../plan/fixtures.js');
    const grant = {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
    };
    const created = planCluster(
      fx.spec([
        fx.entry('default', 'app', {
          permissionPolicy: grant,
          wellKnownPolicies: { ...fx.noWellKnown(), autoScaler: true },
        }),
      ]),
      fx.live(),
      fx.OPTIONS,
    );
    const lines = created.tasks.flatMap(taskLines);
    expect(lines).toContain(`+     inline policy Policy1 = ${JSON.stringify(grant)}`);
    expect(lines).toContain('+     well-known policy autoScaler');

    const e = fx.entry('default', 'web', { permissionPolicyARNs: ['arn:aws:iam::aws:policy/A'] });
    const stack = fx.stackFor(e, {}, fx.OPTIONS.ownerId);
    const retagged = planCluster(
      fx.spec([{ ...e, tags: { team: 'b' } }]),
      fx.live({
        stacks: [{ ...stack, tags: { ...stack.tags, team: 'a', stale: 'x' } }],
        associations: [
          fx.association('default', 'web', stack.outputs.Role1, {
            tags: fx.ownerTags({
              'alpha.eksctl.io/podidentityassociation-name': 'default/web',
              team: 'b',
            }),
          }),
        ],
      }),
      fx.OPTIONS,
    );
    const update = retagged.tasks.find((t) => t.kind === 'update-role-stack')!;
    // The eksctl-version tag of a stack eksctl made is kept (issue 15, item 7).
    expect(taskLines(update).filter((l) => l.includes(' tag '))).toEqual([
      '-     tag stale',
      '~     tag team: a -> b',
    ]);
  });
});
