// ListPodIdentityAssociations pagination and filters, and the tag operations by ARN.
import { describe, expect, it } from 'vitest';
import {
  ListPodIdentityAssociationsCommand,
  ListTagsForResourceCommand,
  TagResourceCommand,
  UntagResourceCommand,
  paginateListPodIdentityAssociations,
  type PodIdentityAssociationSummary,
} from '@aws-sdk/client-eks';
import { TEST_ACCOUNT, sdkError, withEmulator } from './helpers.js';

const roleArn = `arn:aws:iam::${TEST_ACCOUNT}:role/app`;
const associations = Array.from({ length: 250 }, (_, i) => ({
  namespace: i % 2 === 0 ? 'even' : 'odd',
  serviceAccount: `sa-${i}`,
  roleArn,
}));
const env = withEmulator({
  seed: { clusters: [{ name: 'big', podIdentityAssociations: associations }, { name: 'small' }] },
});
const list = (input: Record<string, unknown>) =>
  env.eks.send(new ListPodIdentityAssociationsCommand({ clusterName: 'big', ...input }));

describe('ListPodIdentityAssociations', () => {
  it('pages 250 associations by 100 without duplicates or gaps', async () => {
    const sizes: number[] = [];
    const seen = new Set<string>();
    let nextToken: string | undefined;
    do {
      const page = await list({ maxResults: 100, nextToken });
      sizes.push(page.associations?.length ?? 0);
      for (const a of page.associations ?? []) seen.add(a.associationId as string);
      nextToken = page.nextToken;
    } while (nextToken);
    expect(sizes).toEqual([100, 100, 50]);
    expect(seen.size).toBe(250);
  });

  it('works with the SDK paginator and returns summaries only', async () => {
    const all: PodIdentityAssociationSummary[] = [];
    for await (const page of paginateListPodIdentityAssociations(
      { client: env.eks, pageSize: 100 },
      { clusterName: 'big' },
    )) {
      all.push(...(page.associations ?? []));
    }
    expect(all).toHaveLength(250);
    expect(Object.keys(all[0]).sort()).toEqual(
      ['associationArn', 'associationId', 'clusterName', 'namespace', 'serviceAccount'].sort(),
    );
  });

  it('returns up to 100 by default', async () => {
    const page = await list({});
    expect(page.associations).toHaveLength(100);
    expect(page.nextToken).toBeTruthy();
  });

  it('filters by namespace, service account, or both', async () => {
    const even: string[] = [];
    for await (const page of paginateListPodIdentityAssociations(
      { client: env.eks, pageSize: 40 },
      { clusterName: 'big', namespace: 'even' },
    )) {
      even.push(...(page.associations ?? []).map((a) => a.namespace as string));
    }
    expect(even).toHaveLength(125);
    expect(new Set(even)).toEqual(new Set(['even']));
    const bySa = await list({ serviceAccount: 'sa-7' });
    expect(bySa.associations?.map((a) => a.namespace)).toEqual(['odd']);
    expect((await list({ namespace: 'odd', serviceAccount: 'sa-7' })).associations).toHaveLength(1);
    expect((await list({ namespace: 'even', serviceAccount: 'sa-7' })).associations).toEqual([]);
  });

  it.each([0, 101])('refuses maxResults %i', async (maxResults) => {
    const err = await sdkError(list({ maxResults }));
    expect([err.name, err.$metadata.httpStatusCode, err.message]).toEqual([
      'InvalidParameterException',
      400,
      'maxResults must be between 1 and 100.',
    ]);
  });

  it('refuses a garbage token and a token from another cluster', async () => {
    const bad = await sdkError(list({ nextToken: 'garbage!!' }));
    expect([bad.name, bad.message]).toEqual([
      'InvalidParameterException',
      'The nextToken provided is invalid.',
    ]);
    const { nextToken } = await list({ maxResults: 1 });
    const other = await sdkError(
      env.eks.send(new ListPodIdentityAssociationsCommand({ clusterName: 'small', nextToken })),
    );
    expect(other.name).toBe('InvalidParameterException');
  });

  it('keeps paging stable when an association is deleted between pages', async () => {
    const first = await list({ maxResults: 100 });
    await env.admin('POST', 'reset');
    await env.admin('POST', 'seed', {
      clusters: [{ name: 'big', podIdentityAssociations: associations.slice(0, 10) }],
    });
    // The token names the last id seen, so a changed cluster still answers (no error).
    const next = await list({ nextToken: first.nextToken });
    expect(next.associations?.length).toBeLessThanOrEqual(10);
  });
});

describe('tags by ARN', () => {
  it('tags, lists and untags an association, an add-on and a cluster', async () => {
    await env.admin('POST', 'seed', {
      clusters: [
        {
          name: 'tagged',
          addons: [{ name: 'coredns' }],
          podIdentityAssociations: [{ namespace: 'n', serviceAccount: 's', roleArn }],
        },
      ],
    });
    const state = await env.admin<{
      eks: {
        clusters: {
          name: string;
          arn: string;
          addons: { addonArn: string }[];
          podIdentityAssociations: { associationArn: string }[];
        }[];
      };
    }>('GET', 'state');
    const cluster = state.eks.clusters.find((c) => c.name === 'tagged');
    const arns = [
      cluster?.arn,
      cluster?.addons[0].addonArn,
      cluster?.podIdentityAssociations[0].associationArn,
    ] as string[];
    for (const resourceArn of arns) {
      await env.eks.send(new TagResourceCommand({ resourceArn, tags: { a: '1', b: '2' } }));
      await env.eks.send(new UntagResourceCommand({ resourceArn, tagKeys: ['a'] }));
      const { tags } = await env.eks.send(new ListTagsForResourceCommand({ resourceArn }));
      expect(tags).toEqual({ b: '2' });
    }
  });

  it('answers NotFoundException for an unknown ARN and BadRequestException for bad input', async () => {
    const missing = `arn:aws:eks:us-west-2:${TEST_ACCOUNT}:podidentityassociation/big/a-00000000000000000`;
    const nf = await sdkError(
      env.eks.send(new ListTagsForResourceCommand({ resourceArn: missing })),
    );
    expect([nf.name, nf.$metadata.httpStatusCode, nf.message]).toEqual([
      'NotFoundException',
      404,
      `Resource ${missing} does not exist.`,
    ]);
    const bad = await sdkError(
      env.eks.send(new ListTagsForResourceCommand({ resourceArn: 'arn:nope' })),
    );
    expect([bad.name, bad.$metadata.httpStatusCode]).toEqual(['BadRequestException', 400]);
    const { associations: [first] = [] } = await list({ maxResults: 1 });
    const tooMany = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v']));
    const limit = await sdkError(
      env.eks.send(new TagResourceCommand({ resourceArn: first.associationArn, tags: tooMany })),
    );
    expect([limit.name, limit.message]).toEqual([
      'BadRequestException',
      'A resource can have at most 50 tags.',
    ]);
    const reserved = await sdkError(
      env.eks.send(
        new TagResourceCommand({ resourceArn: first.associationArn, tags: { 'aws:x': '1' } }),
      ),
    );
    expect(reserved.name).toBe('BadRequestException');
  });
});
