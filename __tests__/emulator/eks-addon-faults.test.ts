// Injected add-on failures (fault document `failingAddons`): CREATE_FAILED, UPDATE_FAILED and
// DEGRADED with health issues, as DescribeAddon, DescribeUpdate and the SDK waiter see them.

import { describe, expect, it } from 'vitest';
import {
  CreateAddonCommand,
  DeleteAddonCommand,
  DescribeAddonCommand,
  DescribeUpdateCommand,
  UpdateAddonCommand,
  waitUntilAddonActive,
  waitUntilAddonDeleted,
} from '@aws-sdk/client-eks';
import { parseFaultDocument } from '../../emulator/core/fault-document.js';
import { sdkError, withEmulator } from './helpers.js';

const env = withEmulator({
  seed: {
    clusters: [
      { name: 'c1', version: '1.31' },
      { name: 'c2', version: '1.31' },
    ],
  },
});
const waiter = () => ({ client: env.eks, minDelay: 0.05, maxDelay: 0.1, maxWaitTime: 5 });

const create = (addonName: string, clusterName = 'c1') =>
  env.eks.send(new CreateAddonCommand({ clusterName, addonName }));
const describeAddon = async (addonName: string, clusterName = 'c1') =>
  (await env.eks.send(new DescribeAddonCommand({ clusterName, addonName }))).addon;
const update = async (addonName: string) =>
  (
    await env.eks.send(
      new UpdateAddonCommand({
        clusterName: 'c1',
        addonName,
        configurationValues: '{}',
      }),
    )
  ).update;
const faults = (failingAddons: unknown) => env.admin('POST', 'faults', { failingAddons });

describe('failing add-ons', () => {
  it('ends a create in CREATE_FAILED with a health issue, and the waiter fails', async () => {
    await faults({
      coredns: {
        status: 'CREATE_FAILED',
        code: 'ConfigurationConflict',
        message: 'Conflicts found when trying to apply.',
        resourceIds: ['kube-system/coredns'],
      },
    });
    const { addon } = await create('coredns');
    expect(addon?.status).toBe('CREATING');
    expect(addon?.health?.issues).toEqual([]);
    await expect(
      waitUntilAddonActive(waiter(), { clusterName: 'c1', addonName: 'coredns' }),
    ).rejects.toThrow(/"state":"FAILURE"/);
    expect(await describeAddon('coredns')).toMatchObject({
      status: 'CREATE_FAILED',
      health: {
        issues: [
          {
            code: 'ConfigurationConflict',
            message: 'Conflicts found when trying to apply.',
            resourceIds: ['kube-system/coredns'],
          },
        ],
      },
    });
    const again = await sdkError(create('coredns'));
    expect([again.name, again.$metadata.httpStatusCode, again.message]).toEqual([
      'ResourceInUseException',
      409,
      'Addon already exists.',
    ]);
  });

  it('a CREATE_FAILED add-on can be updated back to health, or deleted and created again', async () => {
    await faults({ coredns: 'CREATE_FAILED', 'kube-proxy': 'CREATE_FAILED' });
    await create('coredns');
    await create('kube-proxy');
    expect((await describeAddon('coredns'))?.status).toBe('CREATE_FAILED');
    await env.admin('DELETE', 'faults');

    await update('coredns');
    await waitUntilAddonActive(waiter(), { clusterName: 'c1', addonName: 'coredns' });
    expect((await describeAddon('coredns'))?.health?.issues).toEqual([]);

    expect((await describeAddon('kube-proxy'))?.status).toBe('CREATE_FAILED');
    await env.eks.send(new DeleteAddonCommand({ clusterName: 'c1', addonName: 'kube-proxy' }));
    await waitUntilAddonDeleted(waiter(), { clusterName: 'c1', addonName: 'kube-proxy' });
    await create('kube-proxy');
    expect((await describeAddon('kube-proxy'))?.status).toBe('ACTIVE');
  });

  it('ends an update in DEGRADED (the update itself succeeds), with default issue texts', async () => {
    await create('coredns');
    expect((await describeAddon('coredns'))?.status).toBe('ACTIVE');
    await faults({ coredns: { status: 'DEGRADED' } });
    const started = await update('coredns');
    await expect(
      waitUntilAddonActive(waiter(), { clusterName: 'c1', addonName: 'coredns' }),
    ).rejects.toThrow(/"state":"FAILURE"/);
    const addon = await describeAddon('coredns');
    expect(addon?.status).toBe('DEGRADED');
    expect(addon?.health?.issues).toEqual([
      {
        code: 'InsufficientNumberOfReplicas',
        message: "The add-on is unhealthy because it doesn't have the desired number of replicas.",
        resourceIds: [],
      },
    ]);
    const done = await env.eks.send(
      new DescribeUpdateCommand({ name: 'c1', updateId: started?.id, addonName: 'coredns' }),
    );
    expect(done.update?.status).toBe('Successful');
  });

  it('UPDATE_FAILED spares the create and fails the update', async () => {
    await faults({ 'vpc-cni': { status: 'UPDATE_FAILED', code: 'AdmissionRequestDenied' } });
    await create('vpc-cni');
    expect((await describeAddon('vpc-cni'))?.status).toBe('ACTIVE');
    const started = await update('vpc-cni');
    const addon = await describeAddon('vpc-cni');
    expect(addon?.status).toBe('UPDATE_FAILED');
    expect(addon?.health?.issues?.[0]?.code).toBe('AdmissionRequestDenied');
    const done = await env.eks.send(
      new DescribeUpdateCommand({ name: 'c1', updateId: started?.id, addonName: 'vpc-cni' }),
    );
    expect(done.update).toMatchObject({
      status: 'Failed',
      errors: [
        {
          errorCode: 'AdmissionRequestDenied',
          errorMessage: 'Injected add-on failure (AdmissionRequestDenied)',
          resourceIds: [],
        },
      ],
    });
  });

  it('times: N fails only the first N, and GET /_emulator/faults shows what is left', async () => {
    await faults({ 'c1/coredns': { status: 'DEGRADED', times: 2 } });
    await create('coredns');
    const shown = await env.admin<{ failingAddons: Record<string, unknown> }>('GET', 'faults');
    expect(shown.failingAddons).toEqual({
      'c1/coredns': {
        status: 'DEGRADED',
        code: 'InsufficientNumberOfReplicas',
        message: "The add-on is unhealthy because it doesn't have the desired number of replicas.",
        resourceIds: [],
        times: 1,
      },
    });
    expect((await describeAddon('coredns'))?.status).toBe('DEGRADED');
    await update('coredns');
    expect((await describeAddon('coredns'))?.status).toBe('DEGRADED');
    await update('coredns');
    expect((await describeAddon('coredns'))?.status).toBe('ACTIVE');
    expect((await env.admin<{ failingAddons: unknown }>('GET', 'faults')).failingAddons).toEqual(
      {},
    );
  });

  it('a cluster/add-on key fails that cluster only; a bare name fails every cluster', async () => {
    await faults({ 'c2/coredns': 'CREATE_FAILED', 'kube-proxy': 'CREATE_FAILED' });
    await create('coredns', 'c1');
    await create('coredns', 'c2');
    await create('kube-proxy', 'c1');
    await create('kube-proxy', 'c2');
    expect((await describeAddon('coredns', 'c1'))?.status).toBe('ACTIVE');
    expect((await describeAddon('coredns', 'c2'))?.status).toBe('CREATE_FAILED');
    expect((await describeAddon('kube-proxy', 'c1'))?.status).toBe('CREATE_FAILED');
    expect((await describeAddon('kube-proxy', 'c2'))?.status).toBe('CREATE_FAILED');
  });

  it('binds the failure when the create starts, and shows it once the create settles', async () => {
    const durations = env.emulator.world.durations;
    durations.addonCreate = 150;
    try {
      await faults({ coredns: 'CREATE_FAILED' });
      await create('coredns');
      // Clearing the faults now does not save a create that already took its failure.
      await env.admin('DELETE', 'faults');
      expect((await describeAddon('coredns'))?.status).toBe('CREATING');
      await expect(
        waitUntilAddonActive(waiter(), { clusterName: 'c1', addonName: 'coredns' }),
      ).rejects.toThrow(/CREATE_FAILED/);
    } finally {
      durations.addonCreate = 0;
    }
  });

  it('reset and DELETE /_emulator/faults clear failing add-ons', async () => {
    await faults({ coredns: 'CREATE_FAILED' });
    await env.admin('DELETE', 'faults');
    await create('coredns');
    expect((await describeAddon('coredns'))?.status).toBe('ACTIVE');
    await faults({ 'kube-proxy': 'CREATE_FAILED' });
    await env.admin('POST', 'reset');
    expect((await env.admin<{ failingAddons: unknown }>('GET', 'faults')).failingAddons).toEqual(
      {},
    );
  });

  it('refuses a bad failingAddons part with 400 listing every problem, keeping the faults', async () => {
    await faults({ coredns: 'DEGRADED' });
    await expect(
      faults({
        'a/b/c': 'CREATE_FAILED',
        coredns: { status: 'BROKEN', code: 'Nope', times: 0, resourceIds: 'x', colour: 1 },
        'vpc-cni': 3,
      }),
    ).rejects.toThrow(/400/);
    expect((await env.admin<{ failingAddons: unknown }>('GET', 'faults')).failingAddons).toEqual({
      coredns: expect.objectContaining({ status: 'DEGRADED' }) as unknown,
    });
  });
});

describe('failingAddons in fault documents', () => {
  it('reads the object form and the bare status, filling in defaults', () => {
    expect(
      parseFaultDocument({
        failingAddons: {
          'prod/vpc-cni': { status: 'UPDATE_FAILED', message: 'boom', times: 1 },
          coredns: 'CREATE_FAILED',
        },
      }),
    ).toEqual({
      rules: [],
      failingAddons: {
        'prod/vpc-cni': {
          status: 'UPDATE_FAILED',
          code: 'ConfigurationConflict',
          message: 'boom',
          resourceIds: [],
          times: 1,
        },
        coredns: {
          status: 'CREATE_FAILED',
          code: 'ConfigurationConflict',
          message:
            'Conflicts found when trying to apply. Will not continue due to resolve conflicts mode.',
          resourceIds: [],
        },
      },
    });
  });

  it('lists every problem', () => {
    expect(() =>
      parseFaultDocument({
        failingAddons: {
          'a/b/c': 'CREATE_FAILED',
          coredns: { status: 'BROKEN', code: 'Nope', times: 0, resourceIds: 'x', colour: 1 },
          'vpc-cni': 3,
          'kube-proxy': { status: 'DEGRADED', message: '' },
        },
      }),
    ).toThrow(
      'invalid fault document: ' +
        'failingAddons["a/b/c"]: the key must be an add-on name or cluster/add-on; ' +
        'failingAddons["coredns"]: unknown key "colour"; ' +
        'failingAddons["coredns"].status must be one of CREATE_FAILED, UPDATE_FAILED, DEGRADED; ' +
        'failingAddons["coredns"].code must be one of AccessDenied, AddonPermissionFailure, AddonSubscriptionNeeded, AdmissionRequestDenied, ClusterUnreachable, ConfigurationConflict, InsufficientNumberOfReplicas, InternalFailure, K8sResourceNotFound, UnsupportedAddonModification; ' +
        'failingAddons["coredns"].resourceIds must be a list of strings; ' +
        'failingAddons["coredns"].times must be an integer ≥ 1; ' +
        'failingAddons["vpc-cni"] must be a status or an object {status, code?, message?, times?}; ' +
        'failingAddons["kube-proxy"].message must be a non-empty string',
    );
    expect(() => parseFaultDocument({ failingAddons: ['coredns'] })).toThrow(
      /failingAddons must map add-on names/,
    );
  });
});
