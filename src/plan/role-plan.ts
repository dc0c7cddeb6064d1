// The role half of one association (standalone or an add-on's): which role it should point at, and
// the role stack tasks that make it exist (create, update, replace a failed stack) or go away (a
// stack left behind when the entry switches to its own roleARN).

import type { CfnTemplate, RoleTemplateInput } from '../cfn/role-template.js';
import { podIdentityRoleTemplate, roleStackCapabilities } from '../cfn/role-template.js';
import { stackTagsDiffer } from '../cfn/stack-tags.js';
import {
  diffRoleTemplates,
  isEmptyRoleTemplateDiff,
  roleTemplateReview,
  summarizeRoleTemplate,
} from '../cfn/template-diff.js';
import { hasPolicy } from '../config/limits.js';
import type { WellKnownPolicies } from '../config/model.js';
import { canonicalJson } from '../lib/canonical-json.js';
import type { LiveStack } from '../live/model.js';
import { EKSCTL_VERSION_TAG } from '../names/tags.js';
import { ROLE_OUTPUT, permissionPolicyLogicalId } from '../names/template-ids.js';
import type { StackOutputRef, Task } from './model.js';
import { stackCondition } from './stack-status.js';
import { createRoleStackTask, updateRoleStackTask, type RoleOwner } from './task-builders.js';

/** What one association asks of its role: an existing one (`roleARN`) or one we create. */
export interface RoleEntry extends RoleTemplateInput {
  roleARN?: string;
  wellKnownPolicies: WellKnownPolicies;
}

export interface RoleRequest {
  owner: RoleOwner;
  entry: RoleEntry;
  /** The stack eksctl would name for this role, and the tags it would carry. */
  stackName: string;
  stackTags: Record<string, string>;
  /** The existing stack of this owner, if any (matched by name and eksctl's tag). */
  stack?: LiveStack;
  /** The role the live association uses now, when there is one. */
  liveRoleArn?: string;
}

export interface RoleOutcome {
  /** Stack tasks that run before the association step. */
  tasks: Task[];
  /**
   * What the association points at. A role of ours is always named by its stack output, even
   * when the stack exists: the task then reads the same before and after a partial apply, so a
   * re-run can recognise it as one of the reviewed tasks.
   */
  roleArn: string | StackOutputRef;
  /** The role's ARN as it is now, when known (an existing stack whose update keeps the role). */
  currentArn?: string;
  /** Id of the stack task that produces `roleArn` (when it is a StackOutputRef). */
  producedBy?: string;
  /** The role lives in an eksctl-style stack: a standalone association carries eksctl's tag. */
  roleIsOurs: boolean;
  /** A stack of this owner that is no longer needed; deleted after the association step. */
  staleStack?: LiveStack;
  /** Why the association's role changes, when the role kind switches. */
  switchReason?: string;
}

const ESKCTL_REFUSES_SWITCH =
  'eksctl refuses this ("cannot change podIdentityAssociation.roleARN since the role was created by eksctl"); podid-action plans it explicitly';

export function outputRef(stackName: string): StackOutputRef {
  return { stackName, output: ROLE_OUTPUT };
}

/**
 * What a reviewer sees of a new role: its managed policies, the documents of the inline policies the
 * config writes (what the role may do is the point of the review), and the names of the well-known
 * policies (eksctl's fixed documents, which would drown the comment).
 */
function createSummary(template: CfnTemplate, request: RoleRequest) {
  const { entry, stackName, stackTags: tags } = request;
  const s = summarizeRoleTemplate(template);
  const own = hasPolicy(entry.permissionPolicy)
    ? permissionPolicyLogicalId(entry.permissionPolicyName)
    : undefined;
  const wellKnown = Object.entries(entry.wellKnownPolicies)
    .filter(([, on]) => on)
    .map(([name]) => name)
    .sort();
  return {
    stackName,
    ...(s.roleName ? { roleName: s.roleName } : {}),
    managedPolicyArns: s.managedPolicyArns,
    ...(own ? { inlinePolicies: { [own]: s.inlinePolicies[own] } } : {}),
    ...(wellKnown.length > 0 ? { wellKnownPolicies: wellKnown } : {}),
    ...(s.permissionsBoundary ? { permissionsBoundary: s.permissionsBoundary } : {}),
    tags,
  };
}

/** The entry names its own role (`roleARN`). */
function userRole(roleARN: string, stack: LiveStack | undefined): RoleOutcome {
  if (!stack) return { tasks: [], roleArn: roleARN, roleIsOurs: false };
  const usable = stackCondition(stack.status) === 'usable';
  // The config spells out the ARN of the role our stack made: keep using it, as eksctl allows.
  if (usable && stack.outputs[ROLE_OUTPUT] === roleARN) {
    return { tasks: [], roleArn: roleARN, roleIsOurs: true };
  }
  return {
    tasks: [],
    roleArn: roleARN,
    roleIsOurs: false,
    staleStack: stack,
    switchReason: usable
      ? `roleARN is set: switch from the role of stack "${stack.stackName}" to ${roleARN}, then delete the stack; ${ESKCTL_REFUSES_SWITCH}`
      : `roleARN is set: stack "${stack.stackName}" (${stack.status}) is no longer needed`,
  };
}

/** No stack yet, or a failed one to replace: create it. */
function createRole(
  request: RoleRequest,
  template: CfnTemplate,
  switchReason?: string,
): RoleOutcome {
  const { stack, stackName, stackTags: tags, liveRoleArn } = request;
  const replaces = stack
    ? `replace stack "${stack.stackName}" in ${stack.status}${stack.statusReason ? `: ${stack.statusReason}` : ''}`
    : undefined;
  const task = createRoleStackTask(
    request.owner,
    {
      stackName,
      templateBody: canonicalJson(template),
      capabilities: roleStackCapabilities(request.entry),
      tags,
      ...(stack ? { replacesFailedStackId: stack.stackId } : {}),
    },
    {
      reason:
        replaces ??
        (liveRoleArn !== undefined
          ? 'association uses a role not created for it'
          : 'not in cluster'),
      after: createSummary(template, request),
      ...(stack
        ? {
            before: {
              ...(stack.stackName !== stackName ? { stackName: stack.stackName } : {}),
              status: stack.status,
            },
          }
        : {}),
    },
  );
  return {
    tasks: [task],
    roleArn: outputRef(stackName),
    producedBy: task.id,
    roleIsOurs: true,
    switchReason,
  };
}

/** A usable stack (possibly left by a crash before its association was made): reuse, update if needed. */
function reuseRole(request: RoleRequest, stack: LiveStack, template: CfnTemplate): RoleOutcome {
  // The eksctl-version tag says which tool made the stack: an update never rewrites it.
  const made = stack.tags[EKSCTL_VERSION_TAG];
  const tags = {
    ...request.stackTags,
    ...(made !== undefined ? { [EKSCTL_VERSION_TAG]: made } : {}),
  };
  const diff = diffRoleTemplates(stack.template, template);
  const templateDiffers = stack.template === undefined || !isEmptyRoleTemplateDiff(diff);
  const tagsDiffer = stackTagsDiffer(stack.tags, tags);
  const liveArn = stack.outputs[ROLE_OUTPUT];
  if (!templateDiffers && !tagsDiffer) {
    return {
      tasks: [],
      roleArn: outputRef(stack.stackName),
      currentArn: liveArn,
      roleIsOurs: true,
    };
  }
  const review = roleTemplateReview(stack.template, template, diff);
  if (tagsDiffer) {
    review.before.tags = stack.tags;
    review.after.tags = tags;
  }
  const reasons = [
    ...(templateDiffers ? ['role template differs'] : []),
    // eksctl never changes a stack's tags after creation; a config that does is said plainly.
    ...(tagsDiffer && !templateDiffers
      ? ["only the stack's tags change; the role stays as it is"]
      : []),
    ...(tagsDiffer && templateDiffers ? ['stack tags differ'] : []),
    ...(stack.status === 'UPDATE_ROLLBACK_COMPLETE' ? ['last update was rolled back'] : []),
  ];
  const task = updateRoleStackTask(
    request.owner,
    {
      stackName: stack.stackName,
      templateBody: canonicalJson(template),
      capabilities: roleStackCapabilities(request.entry),
      tags,
    },
    { reason: reasons.join('; '), before: review.before, after: review.after },
  );
  // A new RoleName replaces the role, so its ARN is only known after the update.
  const arnChanges = diff.roleName !== undefined || !liveArn;
  return {
    tasks: [task],
    roleArn: outputRef(stack.stackName),
    ...(arnChanges ? { producedBy: task.id } : { currentArn: liveArn }),
    roleIsOurs: true,
  };
}

export function planRole(request: RoleRequest): RoleOutcome {
  const { entry, stack, liveRoleArn } = request;
  if (entry.roleARN) return userRole(entry.roleARN, stack);
  const template = podIdentityRoleTemplate(entry);
  if (stack && stackCondition(stack.status) !== 'failed')
    return reuseRole(request, stack, template);
  const switchReason =
    liveRoleArn !== undefined && !stack
      ? `roleARN is not set: switch from role ${liveRoleArn} to a role created for this association; ${ESKCTL_REFUSES_SWITCH}`
      : undefined;
  return createRole(request, template, switchReason);
}
