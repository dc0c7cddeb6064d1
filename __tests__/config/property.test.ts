// Hostile input never throws: the loader always answers with problems or a model, never both an
// error and a model, and never falls back to its internal-error problem.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { loadConfigFiles } from '../../src/config/load.js';
import type { Problem } from '../../src/config/model.js';
import { parseClusterConfig } from '../../src/config/parse.js';

function assertWellFormed(text: string): void {
  let result: ReturnType<typeof parseClusterConfig>;
  try {
    result = parseClusterConfig(text, 'p.yaml');
  } catch (e) {
    throw new Error(`threw on ${JSON.stringify(text)}`, { cause: e });
  }
  const errors = result.problems.filter((p) => p.severity === 'error');
  if (result.cluster) expect(errors).toEqual([]);
  else expect(errors.length).toBeGreaterThan(0);
  for (const p of result.problems) checkProblem(p, text);
}

function checkProblem(p: Problem, text: string): void {
  expect(p.message, text).not.toMatch(/^could not read this file/);
  expect(p.file).toBe('p.yaml');
  expect(p.line).toBeGreaterThanOrEqual(1);
  expect(p.column).toBeGreaterThanOrEqual(1);
  expect(typeof p.message).toBe('string');
  expect(p.hint).toMatch(/\S/);
}

const BASE = {
  apiVersion: 'eksctl.io/v1alpha5',
  kind: 'ClusterConfig',
  metadata: { name: 'prop', region: 'us-west-2', tags: { team: 'a' }, accountID: '111122223333' },
  iam: {
    withOIDC: false,
    podIdentityAssociations: [
      {
        namespace: 'web',
        serviceAccountName: 'app',
        permissionPolicyARNs: ['arn:aws:iam::aws:policy/A'],
        permissionPolicy: {
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
        },
        permissionPolicyName: 'P',
        wellKnownPolicies: { autoScaler: true },
        tags: { a: 'b' },
        roleName: 'r',
        permissionsBoundaryARN: 'arn:aws:iam::111122223333:policy/b',
        targetRoleARN: 'arn:aws:iam::444455556666:role/t',
        disableSessionTags: true,
        policy: '{"Version":"2012-10-17","Statement":[]}',
        createServiceAccount: true,
      },
      {
        namespace: 'web',
        serviceAccountName: 'other',
        roleARN: 'arn:aws:iam::111122223333:role/x',
      },
    ],
    serviceAccounts: [
      { metadata: { name: 's', namespace: 'n' }, attachPolicyARNs: ['arn:aws:iam::aws:policy/A'] },
    ],
  },
  addons: [
    { name: 'eks-pod-identity-agent' },
    {
      name: 'vpc-cni',
      version: 'latest',
      resolveConflicts: 'overwrite',
      configurationValues: '{}',
      namespaceConfig: { namespace: 'kube-system' },
      podIdentityAssociations: [
        {
          namespace: 'kube-system',
          serviceAccountName: 'aws-node',
          permissionPolicyARNs: ['arn:aws:iam::aws:policy/C'],
        },
      ],
    },
    { name: 'aws-ebs-csi-driver', useDefaultPodIdentityAssociations: true, tags: { x: 'y' } },
  ],
  addonsConfig: { autoApplyPodIdentityAssociations: true, disableDefaultAddons: false },
  autoModeConfig: { enabled: false },
  vpc: { cidr: '10.0.0.0/16' },
};

/** Every path (object keys and list indexes) in BASE, so a random value can be put anywhere. */
function paths(v: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [prefix];
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...paths(x, [...prefix, i])));
  else if (v && typeof v === 'object')
    for (const [k, x] of Object.entries(v)) out.push(...paths(x, [...prefix, k]));
  return out;
}
const ALL_PATHS = paths(BASE).filter((p) => p.length > 0);

function setAt(root: unknown, p: (string | number)[], value: unknown): unknown {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let cur = copy;
  for (const k of p.slice(0, -1)) cur = cur[k] as Record<string | number, unknown>;
  cur[p[p.length - 1]] = value;
  return copy;
}

const yamlish = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        ':',
        ': ',
        '- ',
        '\n',
        '\n  ',
        '\n    ',
        '{',
        '}',
        '[',
        ']',
        ',',
        '&a ',
        '*a',
        '*b',
        '<<: ',
        '---\n',
        '"',
        "'",
        '#',
        '!!str ',
        '!Ref ',
        '? ',
        '|\n  ',
        '>\n  ',
        '\t',
        'null',
        'true',
        '1.30',
        '0x1F',
        '~',
        'apiVersion: eksctl.io/v1alpha5\n',
        'kind: ClusterConfig\n',
        'metadata:\n  name: a\n  region: us-east-1\n',
        'iam:\n  podIdentityAssociations:\n',
        '    - namespace: ',
        'serviceAccountName: ',
        'addons:\n  - name: ',
        'permissionPolicy: ',
        'tags: ',
        'roleARN: arn:aws:iam::111122223333:role/r',
        'wellKnownPolicies: ',
      ),
      fc.string({ maxLength: 8 }),
      fc.string({ unit: 'grapheme', maxLength: 4 }),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));

describe('property: the loader never throws', () => {
  it('on random YAML-ish text', () => {
    fc.assert(fc.property(yamlish, assertWellFormed), { numRuns: 1500 });
  });

  it('on arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), assertWellFormed), {
      numRuns: 500,
    });
  });

  it('the valid base document is valid', () => {
    expect(
      parseClusterConfig(stringify(BASE), 'p.yaml').problems.filter((p) => p.severity === 'error'),
    ).toEqual([]);
  });

  it('on random JSON values placed at every field', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ALL_PATHS), fc.jsonValue({ maxDepth: 3 }), (p, value) => {
        assertWellFormed(stringify(setAt(BASE, p, value)));
      }),
      { numRuns: 800 },
    );
  });

  it('on random strings as names, namespaces and tags', () => {
    const str = fc.oneof(
      fc.string({ maxLength: 140 }),
      fc.string({ unit: 'grapheme', maxLength: 70 }),
    );
    const stringPaths = ALL_PATHS.filter((p) => {
      let cur: unknown = BASE;
      for (const k of p) cur = (cur as Record<string | number, unknown>)[k];
      return typeof cur === 'string';
    });
    fc.assert(
      fc.property(fc.constantFrom(...stringPaths), str, str, str, (p, value, tagKey, tagValue) => {
        const doc = setAt(BASE, p, value) as typeof BASE;
        (doc.metadata as { tags: Record<string, string> }).tags = { [tagKey]: tagValue };
        assertWellFormed(stringify(doc));
      }),
      { numRuns: 800 },
    );
  });
});

describe('property: loadConfigFiles', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'podid-prop-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('returns a state only without errors, for random files', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(yamlish, { minLength: 1, maxLength: 3 }), async (texts) => {
        await rm(dir, { recursive: true, force: true });
        await mkdir(dir, { recursive: true });
        await Promise.all(texts.map((t, i) => writeFile(path.join(dir, `f${i}.yaml`), t)));
        const res = await loadConfigFiles(['*.yaml'], { cwd: dir });
        const errors = res.problems.filter((p) => p.severity === 'error');
        if (res.state) expect(errors).toEqual([]);
        else expect(errors.length).toBeGreaterThan(0);
        for (const p of res.problems) expect(p.message).not.toMatch(/^could not read this file/);
      }),
      { numRuns: 100 },
    );
  });
});
