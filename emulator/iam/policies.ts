// Managed policy (customer and AWS) and OpenID Connect provider operations.

import { QueryError } from '../query/errors.js';
import type { QueryOperation } from '../query/service.js';
import { awsManagedArn, awsManagedPolicies, findAwsManaged } from './catalog.js';
import { page } from './paging.js';
import { tagsParam } from './roles.js';
import type { IamStore } from './store.js';
import { urlEncodeDocument } from './validate.js';

/** AWS managed policies have no stored creation date; a fixed one keeps answers stable. */
const AWS_POLICY_DATE = new Date('2019-01-01T00:00:00Z');

type PolicyView = {
  PolicyName: string;
  PolicyId: string;
  Arn: string;
  Path: string;
  DefaultVersionId: string;
  AttachmentCount: number;
  PermissionsBoundaryUsageCount: number;
  IsAttachable: boolean;
  Description?: string;
  CreateDate: Date;
  UpdateDate: Date;
  Tags?: { Key: string; Value: string }[];
};

function policyView(store: IamStore, arn: string, withTags: boolean): PolicyView {
  const aws = findAwsManaged(arn);
  const boundaryCount = [...store.roles.values()].filter(
    (r) => r.permissionsBoundary === arn,
  ).length;
  if (aws) {
    return {
      PolicyName: aws.name,
      // Stable per policy so repeated calls agree.
      PolicyId: `ANPA${Buffer.from(aws.name).toString('hex').toUpperCase().slice(0, 17).padEnd(17, 'Q')}`,
      Arn: arn,
      Path: aws.path,
      DefaultVersionId: 'v1',
      AttachmentCount: store.attachmentCount(arn),
      PermissionsBoundaryUsageCount: boundaryCount,
      IsAttachable: aws.attachable ?? true,
      CreateDate: AWS_POLICY_DATE,
      UpdateDate: AWS_POLICY_DATE,
    };
  }
  const p = store.policy(arn);
  return {
    PolicyName: p.policyName,
    PolicyId: p.policyId,
    Arn: p.arn,
    Path: p.path,
    DefaultVersionId: 'v1',
    AttachmentCount: store.attachmentCount(arn),
    PermissionsBoundaryUsageCount: boundaryCount,
    IsAttachable: true,
    Description: p.description,
    CreateDate: new Date(p.createDate),
    UpdateDate: new Date(p.updateDate),
    Tags: withTags && p.tags.length > 0 ? p.tags : undefined,
  };
}

export function policyOperations(store: IamStore): Record<string, QueryOperation> {
  return {
    CreatePolicy: {
      mutating: true,
      handler: (p) => {
        const policy = store.createPolicy({
          policyName: p.required('PolicyName'),
          document: p.required('PolicyDocument'),
          path: p.str('Path'),
          description: p.str('Description'),
          tags: tagsParam(p),
        });
        return { Policy: policyView(store, policy.arn, true) };
      },
    },
    GetPolicy: {
      mutating: false,
      handler: (p) => ({
        Policy: policyView(store, p.required('PolicyArn'), true),
      }),
    },
    GetPolicyVersion: {
      mutating: false,
      handler: (p) => {
        const arn = p.required('PolicyArn');
        const versionId = p.required('VersionId');
        const view = policyView(store, arn, false);
        if (versionId !== 'v1')
          throw new QueryError(
            404,
            'NoSuchEntity',
            `Policy ${arn} version ${versionId} does not exist or is not attachable.`,
          );
        return {
          PolicyVersion: {
            Document: urlEncodeDocument(store.policyDocument(arn)),
            VersionId: 'v1',
            IsDefaultVersion: true,
            CreateDate: view.CreateDate,
          },
        };
      },
    },
    DeletePolicy: { mutating: true, handler: (p) => store.deletePolicy(p.required('PolicyArn')) },
    ListPolicies: {
      mutating: false,
      handler: (p) => {
        const scope = p.str('Scope') ?? 'All';
        const prefix = p.str('PathPrefix') ?? '/';
        const onlyAttached = p.bool('OnlyAttached') ?? false;
        const arns: string[] = [];
        if (scope !== 'Local')
          arns.push(...awsManagedPolicies().map((a) => awsManagedArn('aws', a)));
        if (scope !== 'AWS') arns.push(...store.policies.keys());
        const views = arns
          .map((arn) => policyView(store, arn, false))
          .filter((v) => v.Path.startsWith(prefix) && (!onlyAttached || v.AttachmentCount > 0));
        const result = page(views, p);
        return {
          Policies: result.items,
          IsTruncated: result.IsTruncated,
          Marker: result.Marker,
        };
      },
    },
    CreateOpenIDConnectProvider: {
      mutating: true,
      handler: (p) => {
        const provider = store.createOidcProvider(
          p.required('Url'),
          p.list('ClientIDList') ?? [],
          p.list('ThumbprintList') ?? [],
          tagsParam(p) ?? [],
        );
        return {
          OpenIDConnectProviderArn: provider.arn,
          Tags: provider.tags.length > 0 ? provider.tags : undefined,
        };
      },
    },
    GetOpenIDConnectProvider: {
      mutating: false,
      handler: (p) => {
        const provider = store.oidcProvider(p.required('OpenIDConnectProviderArn'));
        return {
          Url: provider.url,
          ClientIDList: provider.clientIds,
          ThumbprintList: provider.thumbprints,
          CreateDate: new Date(provider.createDate),
          Tags: provider.tags,
        };
      },
    },
    ListOpenIDConnectProviders: {
      mutating: false,
      handler: () => ({
        OpenIDConnectProviderList: [...store.oidcProviders.keys()].sort().map((Arn) => ({ Arn })),
      }),
    },
    DeleteOpenIDConnectProvider: {
      mutating: true,
      handler: (p) => {
        const arn = p.required('OpenIDConnectProviderArn');
        store.oidcProvider(arn);
        store.oidcProviders.delete(arn);
      },
    },
  };
}
