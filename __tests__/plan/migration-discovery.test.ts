// eksctl's migration discovery decisions (reference §7.2, scenarios 52–60) over plain data.
import { describe, expect, it } from 'vitest';
import type { LiveIrsa } from '../../src/live/irsa.js';
import type { LiveAddon, LiveServiceAccount } from '../../src/live/model.js';
import {
  addonServiceAccount,
  addonSkipBeforeRole,
  addonsByRole,
  decideMigration,
  roleNameOfArn,
  serviceAccountMigrations,
  subjectFromTrust,
} from '../../src/plan/migration-discovery.js';

const ROLE = (name: string) => `arn:aws:iam::111122223333:role/${name}`;
const OIDC = 'oidc.eks.us-west-2.amazonaws.com/id/ABC';

function sa(namespace: string, name: string, roleArn?: string): LiveServiceAccount {
  return {
    namespace,
    name,
    labels: {},
    annotations: roleArn ? { 'eks.amazonaws.com/role-arn': roleArn } : {},
  };
}

function addon(name: string, extra: Partial<LiveAddon> = {}): LiveAddon {
  return {
    name,
    arn: `arn:aws:eks:us-west-2:111122223333:addon/c/${name}/x`,
    version: 'v1',
    status: 'ACTIVE',
    podIdentityAssociations: [],
    tags: {},
    issues: [],
    ...extra,
  };
}

const irsaTrust = (subject: string) => ({
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Principal: { Federated: `arn:aws:iam::111122223333:oidc-provider/${OIDC}` },
      Action: ['sts:AssumeRoleWithWebIdentity'],
      Condition: {
        StringEquals: { [`${OIDC}:aud`]: 'sts.amazonaws.com', [`${OIDC}:sub`]: subject },
      },
    },
  ],
});

describe('serviceAccountMigrations', () => {
  it('migrates every annotated service account, owned when an iamserviceaccount stack holds its role (scenario 54)', () => {
    const found = serviceAccountMigrations(
      [
        sa('default', 'service-account-1', ROLE('test-role-1')),
        sa('default', 'plain'),
        sa('default', 'service-account-2', ROLE('test-role-2')),
      ],
      new Map(),
      [
        {
          stackName: 'eksctl-c-addon-iamserviceaccount-default-service-account-1',
          roleArn: ROLE('test-role-1'),
          serviceAccount: 'default/service-account-1',
        },
      ],
    );
    expect(found.value).toEqual([
      {
        namespace: 'default',
        serviceAccount: 'service-account-1',
        roleArn: ROLE('test-role-1'),
        roleName: 'test-role-1',
        stackName: 'eksctl-c-addon-iamserviceaccount-default-service-account-1',
      },
      {
        namespace: 'default',
        serviceAccount: 'service-account-2',
        roleArn: ROLE('test-role-2'),
        roleName: 'test-role-2',
      },
    ]);
    expect(found.log).toEqual([
      'found IAM role for service account default/service-account-1',
      'found IAM role for service account default/service-account-2',
    ]);
  });

  it("skips a service account running on an add-on's role, in eksctl's words", () => {
    const cni = addon('vpc-cni', { serviceAccountRoleArn: ROLE('cni') });
    const found = serviceAccountMigrations(
      [sa('kube-system', 'aws-node', ROLE('cni'))],
      addonsByRole([cni, addon('coredns')]),
      [],
    );
    expect(found.value).toEqual([]);
    expect(found.log).toEqual([
      'found IAM role for service account aws-node associated with EKS addon vpc-cni',
    ]);
  });

  it('refuses a role ARN with a path, as eksctl does', () => {
    expect(() =>
      serviceAccountMigrations([sa('default', 'a', 'arn:aws:iam::1:role/team/app')], new Map(), []),
    ).toThrow('invalid format for role ARN "arn:aws:iam::1:role/team/app"');
    expect(roleNameOfArn(ROLE('x'))).toBe('x');
  });
});

describe('addonSkipBeforeRole', () => {
  it('skips an add-on already on pod identity, before asking EKS', () => {
    const a = addon('vpc-cni', {
      podIdentityAssociations: ['arn:a'],
      serviceAccountRoleArn: ROLE('r'),
    });
    expect(addonSkipBeforeRole(a, undefined)).toBe(
      'addon vpc-cni is already using pod identity; skipping migration to pod identity',
    );
  });

  it('skips an add-on without pod identity support (scenario 58)', () => {
    const a = addon('kube-proxy', { serviceAccountRoleArn: ROLE('r') });
    expect(addonSkipBeforeRole(a, undefined)).toBeUndefined();
    expect(addonSkipBeforeRole(a, [])).toBe(
      'addon kube-proxy does not support pod identity; skipping migration to pod identity',
    );
  });
});

describe('addonServiceAccount (the trust-policy walk)', () => {
  const one = [{ serviceAccount: 'aws-node', recommendedManagedPolicies: [] }];
  const two = [...one, { serviceAccount: 'ipam', recommendedManagedPolicies: [] }];

  it("takes the :sub subject's service account and namespace (scenario 56)", () => {
    const found = addonServiceAccount(
      'vpc-cni',
      irsaTrust('system:serviceaccount:kube-system:aws-node'),
      two,
    );
    expect(found).toEqual({
      value: { namespace: 'kube-system', serviceAccount: 'aws-node' },
      log: [],
    });
  });

  it("defaults to the add-on's only service account when the trust has no :sub (scenario 59)", () => {
    const trust = irsaTrust('x');
    delete (trust.Statement[0].Condition.StringEquals as Record<string, string>)[`${OIDC}:sub`];
    expect(addonServiceAccount('vpc-cni', trust, one)).toEqual({
      value: { serviceAccount: 'aws-node' },
      log: [
        'could not find service account to use for addon vpc-cni from existing IAM role; defaulting to aws-node',
      ],
    });
    expect(addonServiceAccount('vpc-cni', trust, two)).toEqual({
      value: undefined,
      log: [
        'cannot choose a service account as addon vpc-cni supports pod identity for multiple service accounts; skipping migration to pod identity',
      ],
    });
  });

  it('stops at a statement without a Condition (scenario 60)', () => {
    const trust = {
      Statement: [
        { Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' },
        irsaTrust('system:serviceaccount:kube-system:aws-node').Statement[0],
      ],
    };
    expect(subjectFromTrust(trust)).toEqual({
      value: undefined,
      log: ['no IAM statements for IRSA found; skipping migration to pod identity'],
    });
    expect(addonServiceAccount('vpc-cni', trust, two).value).toBeUndefined();
  });

  it('refuses a malformed subject', () => {
    expect(() => subjectFromTrust(irsaTrust('system:serviceaccount:kube-system'))).toThrow(
      'unexpected format "system:serviceaccount:kube-system" for service account subject',
    );
  });
});

describe('decideMigration', () => {
  const base = (): LiveIrsa => ({
    cluster: 'c',
    region: 'us-west-2',
    accountId: '111122223333',
    oidcProvider: `arn:aws:iam::111122223333:oidc-provider/${OIDC}`,
    agentInstalled: false,
    irsaStacks: [],
    serviceAccounts: [],
    addons: [],
    addonPodIdentity: {},
    roles: {},
    addonNamespaces: {},
    stackNames: [],
  });

  it('finds nothing, with a warning, without an OIDC provider', () => {
    const irsa = { ...base(), serviceAccounts: [sa('default', 'a', ROLE('a'))] };
    delete irsa.oidcProvider;
    expect(decideMigration(irsa)).toEqual({
      serviceAccounts: [],
      addons: [],
      skippedAddons: {},
      log: [
        {
          warning: true,
          line: 'no IAM OIDC provider associated with cluster, hence no iamserviceaccounts to be migrated',
        },
      ],
    });
  });

  it('migrates an add-on, owned when its IRSA stack exists (scenarios 56, 57)', () => {
    const cni = addon('vpc-cni', {
      serviceAccountRoleArn: ROLE('role-1'),
      configurationValues: '{}',
    });
    const irsa: LiveIrsa = {
      ...base(),
      addons: [cni],
      addonPodIdentity: {
        'vpc-cni': [{ serviceAccount: 'aws-node', recommendedManagedPolicies: [] }],
      },
      roles: {
        [ROLE('role-1')]: {
          arn: ROLE('role-1'),
          roleName: 'role-1',
          assumeRolePolicy: irsaTrust('system:serviceaccount:kube-system:aws-node'),
        },
      },
    };
    const unowned = decideMigration(irsa);
    expect(unowned.addons).toEqual([
      {
        addon: 'vpc-cni',
        version: 'v1',
        configurationValues: '{}',
        roleArn: ROLE('role-1'),
        roleName: 'role-1',
        serviceAccount: 'aws-node',
        namespace: 'kube-system',
      },
    ]);
    expect(unowned.log).toEqual([
      {
        line: `will migrate addon vpc-cni with serviceAccountRoleARN "${ROLE('role-1')}" to pod identity; OIDC provider trust relationship will also be removed`,
      },
    ]);
    const owned = decideMigration({ ...irsa, stackNames: ['eksctl-c-addon-vpc-cni'] });
    expect(owned.addons[0].stackName).toBe('eksctl-c-addon-vpc-cni');
  });

  it("wraps an add-on's failure as eksctl does", () => {
    const cni = addon('vpc-cni', { serviceAccountRoleArn: ROLE('gone') });
    const irsa: LiveIrsa = {
      ...base(),
      addons: [cni],
      addonPodIdentity: {
        'vpc-cni': [{ serviceAccount: 'aws-node', recommendedManagedPolicies: [] }],
      },
      roles: { [ROLE('gone')]: null },
    };
    expect(() => decideMigration(irsa)).toThrow(
      `error migrating addons to use pod identity: migrating addon vpc-cni: extracting service account from role ${ROLE('gone')}`,
    );
  });
});
