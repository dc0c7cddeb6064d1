// Template parsing and static checks: JSON or YAML (with the `!Ref`-style short forms), supported
// resource types, required capabilities, parameters, dependency order.

import {
  parse as parseYaml,
  type ScalarTag,
  type CollectionTag,
  type YAMLSeq,
  type YAMLMap,
} from 'yaml';
import { QueryError } from '../query/errors.js';
import { referencesOf } from './intrinsics.js';

export interface ResourceDef {
  Type: string;
  Properties?: Record<string, unknown>;
  DependsOn?: string | string[];
  Condition?: string;
  DeletionPolicy?: string;
}

export interface ParameterDef {
  Type: string;
  Default?: string | number;
  AllowedValues?: (string | number)[];
  NoEcho?: boolean | string;
  Description?: string;
}

export interface TemplateDoc {
  AWSTemplateFormatVersion?: string;
  Description?: string;
  Parameters?: Record<string, ParameterDef>;
  Mappings?: Record<string, Record<string, Record<string, unknown>>>;
  Conditions?: Record<string, unknown>;
  Resources: Record<string, ResourceDef>;
  Outputs?: Record<string, { Value: unknown; Description?: string; Export?: { Name: unknown } }>;
}

const formatError = (message: string): QueryError =>
  new QueryError(400, 'ValidationError', `Template format error: ${message}`);

const FUNCTIONS = [
  'Sub',
  'Join',
  'Select',
  'Split',
  'If',
  'Equals',
  'Not',
  'And',
  'Or',
  'Base64',
  'GetAZs',
  'ImportValue',
  'FindInMap',
];

/** `!Ref x`, `!GetAtt a.b`, `!Sub …`, `!Join […]` … as in CloudFormation's YAML dialect. */
const SHORT_TAGS: (ScalarTag | CollectionTag)[] = [
  { tag: '!Ref', resolve: (v: string) => ({ Ref: v }) },
  { tag: '!Condition', resolve: (v: string) => ({ Condition: v }) },
  { tag: '!GetAtt', resolve: (v: string) => ({ 'Fn::GetAtt': v.split(/\.(.*)/s).slice(0, 2) }) },
  {
    tag: '!GetAtt',
    collection: 'seq',
    resolve: (v: YAMLMap.Parsed | YAMLSeq.Parsed) => ({ 'Fn::GetAtt': v.toJSON() }),
  },
  ...FUNCTIONS.flatMap((name): (ScalarTag | CollectionTag)[] => [
    { tag: `!${name}`, resolve: (v: string) => ({ [`Fn::${name}`]: v }) },
    {
      tag: `!${name}`,
      collection: 'seq',
      resolve: (v: YAMLMap.Parsed | YAMLSeq.Parsed) => ({ [`Fn::${name}`]: v.toJSON() }),
    },
  ]),
];

export const IAM_TYPES = [
  'AWS::IAM::Role',
  'AWS::IAM::Policy',
  'AWS::IAM::ManagedPolicy',
  'AWS::IAM::InstanceProfile',
  'AWS::IAM::User',
  'AWS::IAM::Group',
  'AWS::IAM::AccessKey',
  'AWS::IAM::UserToGroupAddition',
];

const NAME_PROPERTIES: Record<string, string> = {
  'AWS::IAM::Role': 'RoleName',
  'AWS::IAM::ManagedPolicy': 'ManagedPolicyName',
  'AWS::IAM::User': 'UserName',
  'AWS::IAM::Group': 'GroupName',
  'AWS::IAM::InstanceProfile': 'InstanceProfileName',
};

/** Resource types the engine can create (others are refused as CloudFormation refuses unknown types). */
export const SUPPORTED_TYPES = [
  'AWS::IAM::Role',
  'AWS::IAM::Policy',
  'AWS::IAM::ManagedPolicy',
  'AWS::CloudFormation::WaitConditionHandle',
];

export function parseTemplate(text: string): TemplateDoc {
  let doc: unknown;
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{')) {
    try {
      doc = JSON.parse(text);
    } catch (error) {
      throw formatError(`JSON not well-formed. (${error instanceof Error ? error.message : ''})`);
    }
  } else {
    try {
      doc = parseYaml(text, { customTags: SHORT_TAGS, maxAliasCount: 100 });
    } catch (error) {
      const pos = (error as { linePos?: { line: number; col: number }[] }).linePos?.[0];
      throw formatError(`YAML not well-formed. (line ${pos?.line ?? 1}, column ${pos?.col ?? 1})`);
    }
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc))
    throw formatError('JSON not well-formed. (line 1, column 1)');
  const template = doc as TemplateDoc;
  const version = template.AWSTemplateFormatVersion;
  if (version !== undefined && String(version) !== '2010-09-09')
    throw formatError(`'${String(version)}' is not a valid template version`);
  if (
    !template.Resources ||
    typeof template.Resources !== 'object' ||
    Object.keys(template.Resources).length === 0
  )
    throw formatError('At least one Resources member must be defined.');
  const unknown = Object.values(template.Resources)
    .map((r) => r?.Type)
    .filter((t) => !SUPPORTED_TYPES.includes(t));
  if (unknown.length > 0) throw formatError(`Unrecognized resource types: [${unknown.join(', ')}]`);
  resourceOrder(template);
  return template;
}

/** Capability the template needs, if any (CAPABILITY_NAMED_IAM covers CAPABILITY_IAM). */
export function requiredCapability(template: TemplateDoc): string | undefined {
  let needed: string | undefined;
  for (const r of Object.values(template.Resources)) {
    if (!IAM_TYPES.includes(r.Type)) continue;
    const nameProp = NAME_PROPERTIES[r.Type];
    if (nameProp && r.Properties?.[nameProp] !== undefined) return 'CAPABILITY_NAMED_IAM';
    needed = 'CAPABILITY_IAM';
  }
  return needed;
}

export function checkCapabilities(template: TemplateDoc, capabilities: string[]): void {
  const needed = requiredCapability(template);
  if (!needed || capabilities.includes('CAPABILITY_NAMED_IAM')) return;
  if (needed === 'CAPABILITY_IAM' && capabilities.includes('CAPABILITY_IAM')) return;
  throw new QueryError(
    400,
    'InsufficientCapabilitiesException',
    `Requires capabilities : [${needed}]`,
  );
}

/** Logical ids in an order where every resource comes after the ones it references. */
export function resourceOrder(template: TemplateDoc): string[] {
  const ids = Object.keys(template.Resources);
  const params = new Set(Object.keys(template.Parameters ?? {}));
  const deps = new Map<string, Set<string>>();
  for (const id of ids) {
    const def = template.Resources[id];
    const set = new Set<string>();
    for (const ref of referencesOf(def.Properties ?? {})) {
      if (ref.startsWith('AWS::') || params.has(ref)) continue;
      if (!template.Resources[ref])
        throw formatError(
          `Unresolved resource dependencies [${ref}] in the Resources block of the template`,
        );
      set.add(ref);
    }
    const dependsOn = def.DependsOn === undefined ? [] : [def.DependsOn].flat();
    for (const d of dependsOn) {
      if (!template.Resources[d])
        throw formatError(
          `Unresolved resource dependencies [${d}] in the Resources block of the template`,
        );
      set.add(d);
    }
    deps.set(id, set);
  }
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (id: string, path: string[]): void => {
    if (state.get(id) === 'done') return;
    if (state.get(id) === 'visiting')
      throw formatError(`Circular dependency between resources: [${path.join(', ')}]`);
    state.set(id, 'visiting');
    for (const d of deps.get(id) ?? []) visit(d, [...path, d]);
    state.set(id, 'done');
    order.push(id);
  };
  for (const id of ids) visit(id, [id]);
  return order;
}

/** Parameter values after defaults and UsePreviousValue; AWS's texts for missing/unknown ones. */
export function resolveParameters(
  template: TemplateDoc,
  given: { key: string; value?: string; usePrevious?: boolean }[],
  previous: Record<string, string> = {},
): Record<string, string> {
  const declared = template.Parameters ?? {};
  const unknown = given.filter((g) => !declared[g.key]).map((g) => g.key);
  if (unknown.length > 0)
    throw new QueryError(
      400,
      'ValidationError',
      `Parameters: [${unknown.join(', ')}] do not exist in the template`,
    );
  const values: Record<string, string> = {};
  const missing: string[] = [];
  for (const [key, def] of Object.entries(declared)) {
    const g = given.find((x) => x.key === key);
    let value: string | undefined;
    if (g?.usePrevious) value = previous[key];
    else if (g?.value !== undefined) value = g.value;
    else if (def.Default !== undefined) value = String(def.Default);
    if (value === undefined) {
      missing.push(key);
      continue;
    }
    if (def.AllowedValues && !def.AllowedValues.map(String).includes(value))
      throw new QueryError(
        400,
        'ValidationError',
        `Parameter '${key}' must be one of AllowedValues`,
      );
    values[key] = value;
  }
  if (missing.length > 0)
    throw new QueryError(
      400,
      'ValidationError',
      `Parameters: [${missing.join(', ')}] must have values`,
    );
  return values;
}
