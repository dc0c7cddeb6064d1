// Reading and checking the inputs CreateStack, UpdateStack and CreateChangeSet share.

import { QueryError, constraintError } from '../query/errors.js';
import type { QueryParams } from '../query/parse.js';
import type { Tag } from '../iam/validate.js';
import type { StackDefinition } from './stacks.js';
import { checkCapabilities, parseTemplate, resolveParameters } from './template.js';

const STACK_NAME = /^[a-zA-Z][-a-zA-Z0-9]*$/;

export function checkStackName(name: string, member = 'stackName'): void {
  if (name.length > 128 || !STACK_NAME.test(name))
    throw constraintError(
      name,
      member,
      'Member must satisfy regular expression pattern: [a-zA-Z][-a-zA-Z0-9]*',
    );
}

export function tagsOf(params: QueryParams): Tag[] | undefined {
  const tags = params.structList('Tags')?.map((t) => ({ Key: t.Key ?? '', Value: t.Value ?? '' }));
  if (tags && tags.length > 50)
    throw new QueryError(400, 'ValidationError', 'The number of tags exceeds the limit of 50.');
  for (const t of tags ?? []) {
    if (t.Key.length < 1 || t.Key.length > 128 || t.Value.length < 1 || t.Value.length > 256)
      throw constraintError(
        t.Key,
        'tags',
        'Member must have length between 1 and 128 (keys) and 1 and 256 (values)',
      );
  }
  return tags;
}

/**
 * Template, parameters, tags and capabilities of a create/update request. `previous` supplies
 * UsePreviousTemplate, UsePreviousValue and the tags kept when `Tags` is not sent.
 */
export function definitionOf(params: QueryParams, previous?: StackDefinition): StackDefinition {
  let body = params.str('TemplateBody');
  if (body === undefined && params.bool('UsePreviousTemplate')) body = previous?.templateBody;
  if (body === undefined) {
    if (params.str('TemplateURL') !== undefined)
      throw new QueryError(400, 'ValidationError', 'TemplateURL must be a supported URL.');
    throw new QueryError(
      400,
      'ValidationError',
      'Either Template URL or Template Body must be specified.',
    );
  }
  if (body.length > 51200)
    throw constraintError(
      `${body.slice(0, 20)}...`,
      'templateBody',
      'Member must have length less than or equal to 51200',
    );
  const template = parseTemplate(body);
  const given = (params.structList('Parameters') ?? []).map((p) => ({
    key: p.ParameterKey ?? '',
    value: p.ParameterValue,
    usePrevious: p.UsePreviousValue === 'true',
  }));
  const capabilities = params.list('Capabilities') ?? [];
  checkCapabilities(template, capabilities);
  return {
    templateBody: body,
    template,
    parameters: resolveParameters(template, given, previous?.parameters),
    tags: tagsOf(params) ?? previous?.tags ?? [],
    capabilities,
  };
}

const canonical = (value: unknown): string =>
  JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );

/** What "No updates are to be performed." compares: template, parameters and tags. */
export function sameDefinition(a: StackDefinition, b: StackDefinition): boolean {
  const tagMap = (tags: Tag[]): string =>
    canonical(Object.fromEntries(tags.map((t) => [t.Key, t.Value])));
  return (
    canonical(a.template) === canonical(b.template) &&
    canonical(a.parameters) === canonical(b.parameters) &&
    tagMap(a.tags) === tagMap(b.tags)
  );
}
