// Name shapes and AWS limits checked before anything reaches AWS (our own checks, not eksctl's).
import { EKSCTL_TAG_PREFIXES, OWNER_TAG } from '../names/tags.js';
import {
  WELL_KNOWN_INLINE_POLICY_IDS,
  WELL_KNOWN_MANAGED_POLICIES,
  WELL_KNOWN_POLICY_NAMES,
  type WellKnownPolicyName,
} from '../names/well-known-policies.js';
import type { PolicyDocument, WellKnownPolicies } from './model.js';
import { quote } from './yaml.js';

export const PARTITIONS = [
  'aws',
  'aws-cn',
  'aws-us-gov',
  'aws-iso',
  'aws-iso-b',
  'aws-iso-e',
  'aws-iso-f',
  'aws-eusc',
];
const PARTITION = `(?:${PARTITIONS.join('|')})`;
/** IAM path: "/" or "/…/" of printable ASCII. */
const IAM_PATH = '(?:/[\\x21-\\x7e]*)?/';
const ROLE_ARN = new RegExp(`^arn:${PARTITION}:iam::\\d{12}:role${IAM_PATH}[\\w+=,.@-]{1,64}$`);
const POLICY_ARN = new RegExp(
  `^arn:${PARTITION}:iam::(?:\\d{12}|aws):policy${IAM_PATH}[\\w+=,.@-]{1,128}$`,
);

export const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;
const POLICY_NAME_CHARS = /^[\w+=,.@-]+$/;
const CLUSTER_NAME = /^[0-9A-Za-z][A-Za-z0-9\-_]*$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;
const STACK_NAME = /^[a-zA-Z][-a-zA-Z0-9]*$/;
const TAG_CHARS = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

export const MAX_NAME_LENGTH = 128;
export const MAX_INLINE_POLICY_CHARS = 10_240;
export const MAX_MANAGED_POLICIES = 10;
export const MAX_TAGS = 50;
/** Tags eksctl and podid-action add to a role stack besides the user's (reference §0, DESIGN §5). */
export const STACK_TAGS_ADDED = { standalone: 5, addon: 6 };

export type ArnKind = 'role' | 'policy';

/** Returns an error message, or undefined when the ARN has the right shape. */
export function checkArn(value: string, kind: ArnKind): string | undefined {
  const re = kind === 'role' ? ROLE_ARN : POLICY_ARN;
  if (re.test(value)) return undefined;
  return `${quote(value)} is not a valid IAM ${kind} ARN`;
}

export function arnHint(kind: ArnKind): string {
  return kind === 'role'
    ? 'expected arn:<partition>:iam::<12-digit account>:role/[path/]<name>'
    : 'expected arn:<partition>:iam::<12-digit account or aws>:policy/[path/]<name>';
}

export function arnAccount(arn: string): string | undefined {
  return /^arn:[^:]+:iam::(\d{12}):/.exec(arn)?.[1];
}

/** The parts of an IAM role or policy ARN that name it; undefined when it is not one. */
export interface IamArnParts {
  partition: string;
  /** 12 digits, or `aws` for AWS managed policies. */
  account: string;
  kind: ArnKind;
  /** `/` or `/…/` */
  path: string;
  name: string;
}

export function iamArnParts(arn: string): IamArnParts | undefined {
  const m = /^arn:([^:]+):iam::([^:]*):(role|policy)(\/(?:.*\/)?)([^/]+)$/.exec(arn);
  if (!m) return undefined;
  return { partition: m[1], account: m[2], kind: m[3] as ArnKind, path: m[4], name: m[5] };
}

/** The partition of any ARN (`arn:<partition>:…`). */
export function arnPartition(arn: string): string | undefined {
  return /^arn:([^:]+):/.exec(arn)?.[1];
}

export function checkNamespace(ns: string): string | undefined {
  if (ns.length <= 63 && DNS1123_LABEL.test(ns)) return undefined;
  return `namespace ${quote(ns)} is not a valid Kubernetes namespace (DNS-1123 label)`;
}
export const NAMESPACE_HINT =
  'use at most 63 lower-case letters, digits and "-", starting and ending with a letter or digit';

export function checkServiceAccountName(sa: string): string | undefined {
  if (sa.length <= 253 && DNS1123_SUBDOMAIN.test(sa)) return undefined;
  return `service account name ${quote(sa)} is not a valid Kubernetes name (DNS-1123 subdomain)`;
}
export const SA_HINT =
  'use at most 253 lower-case letters, digits, "-" and ".", starting and ending with a letter or digit';

export function checkRoleName(name: string): string | undefined {
  if (ROLE_NAME.test(name)) return undefined;
  return `roleName ${quote(name)} is not a valid IAM role name`;
}

export function isPolicyNameChars(name: string): boolean {
  return POLICY_NAME_CHARS.test(name);
}

export function checkClusterName(name: string): string | undefined {
  if (name.length >= 1 && name.length <= 100 && CLUSTER_NAME.test(name)) return undefined;
  return `metadata.name ${quote(name)} is not a valid EKS cluster name`;
}

/**
 * EKS add-on names as AWS publishes them (DescribeAddonVersions): AWS's own (vpc-cni,
 * aws-ebs-csi-driver) and marketplace ones as vendor_product (dynatrace_dynatrace-operator). The API
 * itself sets no pattern; this shape keeps a name from carrying line breaks or markup into a plan.
 * Upper case passes: eksctl compares add-on names lower-cased, so it accepts `VPC-CNI`.
 */
const ADDON_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
export const MAX_ADDON_NAME_LENGTH = 100;

export function checkAddonName(name: string): string | undefined {
  if (name.length <= MAX_ADDON_NAME_LENGTH && ADDON_NAME.test(name)) return undefined;
  return `addon name ${quote(name)} is not an EKS add-on name`;
}
export const ADDON_NAME_HINT = `use the add-on's name as EKS lists it (aws eks describe-addon-versions): at most ${MAX_ADDON_NAME_LENGTH} letters, digits, "-" and "_", e.g. vpc-cni or dynatrace_dynatrace-operator`;

export function checkRegion(region: string): string | undefined {
  if (REGION.test(region)) return undefined;
  return `metadata.region ${quote(region)} does not look like an AWS region`;
}

export function isStackNameChars(name: string): boolean {
  return STACK_NAME.test(name);
}

/** Tag problems for one key/value pair: [message, hint] or undefined. */
export function checkTag(key: string, value: string): [string, string] | undefined {
  if (key.length < 1 || key.length > 128)
    return [`tag key ${quote(key)} must be 1–128 characters long`, 'shorten the tag key'];
  if (!TAG_CHARS.test(key))
    return [
      `tag key ${quote(key)} contains characters AWS does not allow`,
      'tags may use letters, digits, spaces and _ . : / = + - @',
    ];
  if (key.toLowerCase().startsWith('aws:'))
    return [
      `tag key ${quote(key)} uses the reserved "aws:" prefix`,
      'AWS reserves keys starting with aws:; rename the tag',
    ];
  if (key === OWNER_TAG)
    return [
      `tag key ${quote(key)} is reserved for podid-action`,
      'podid-action sets this tag itself to record ownership; remove it',
    ];
  if (EKSCTL_TAG_PREFIXES.some((prefix) => key.startsWith(prefix)))
    return [
      `tag key ${quote(key)} is reserved for eksctl`,
      'eksctl sets its own alpha.eksctl.io/ tags; remove it',
    ];
  if (value.length > 256)
    return [
      `the value of tag ${quote(key)} is longer than 256 characters`,
      'shorten the tag value',
    ];
  if (!TAG_CHARS.test(value))
    return [
      `the value of tag ${quote(key)} contains characters AWS does not allow`,
      'tag values may use letters, digits, spaces and _ . : / = + - @',
    ];
  return undefined;
}

/**
 * Approximate size of each well-known inline policy document as IAM counts it (JSON without
 * whitespace; `${AWS::Partition}` resolved to "aws"), by logical id. Estimates from the statement
 * lists of reference §1.5 rounded up, not byte-exact: the load balancer controller policy mirrors
 * the upstream AWS policy (~17 statements, ~5.6 KB minified).
 */
const WELL_KNOWN_INLINE_SIZES: Record<string, number> = {
  PolicyAutoScaling: 620,
  PolicyExternalDNSChangeSet: 180,
  PolicyExternalDNSHostedZones: 200,
  PolicyCertManagerChangeSet: 180,
  PolicyCertManagerGetChange: 150,
  PolicyCertManagerHostedZones: 180,
  PolicyEFSCSIController: 900,
  PolicyAWSLoadBalancerController: 5600,
};

/** The inline policies a well-known key adds, with their approximate sizes. */
export function wellKnownInline(name: WellKnownPolicyName): { id: string; size: number }[] {
  return WELL_KNOWN_INLINE_POLICY_IDS[name].map((id) => ({
    id,
    size: WELL_KNOWN_INLINE_SIZES[id],
  }));
}

/** Whether a well-known key attaches an AWS managed policy (counted against the role's quota). */
export function wellKnownAttachesManaged(name: WellKnownPolicyName): boolean {
  return WELL_KNOWN_MANAGED_POLICIES[name] !== undefined;
}

export function wellKnownOn(w: WellKnownPolicies): WellKnownPolicyName[] {
  return WELL_KNOWN_POLICY_NAMES.filter((k) => w[k]);
}

/** IAM counts policy size without whitespace; compact JSON is the same measure. */
export function policySize(doc: unknown): number {
  return JSON.stringify(doc)?.length ?? 0;
}

/** IAM policy documents may hold only tab, LF, CR and U+0020–U+00FF. */
export function hasBadPolicyChars(doc: unknown): boolean {
  return /[^\t\n\r\x20-\xff]/.test(JSON.stringify(doc) ?? '');
}

/** eksctl treats an empty document like an absent one. */
export function hasPolicy(doc: PolicyDocument | undefined): boolean {
  return doc !== undefined && Object.keys(doc).length > 0;
}
