// The role half of one config entry: which role the association should point at, and the role
// stack tasks that make it exist (create, update, replace a failed stack) or go away (a stack left
// behind when the entry switches to its own roleARN).

import type { CfnTemplate } from '../cfn/role-template.js';
import {
  ROLE_OUTPUT,
  permissionPolicyLogicalId,
  podIdentityRoleTemplate,
  roleStackCapabilities,
} from '../cfn/role-template.js';
import { roleStackTags, stackTagsDiffer } from '../cfn/stack-tags.js';
import {
  diffRoleTemplates,
  isEmptyRoleTemplateDiff,
  roleTemplateReview,
  summarizeRoleTemplate,
} from '../cfn/template-diff.js';
import type { PodIdentityAssociationSpec, ClusterSpec } from '../config/model.js';
import { canonicalJson } from '../lib/canonical-json.js';
import type { LiveAssociation, LiveStack } from '../live/model.js';
import { podIdentityRoleStackName } from '../names/stack-names.js';
import type { PlanOptions, StackOutputRef, Task } from './model.js';
import { stackCondition } from './stack-status.js';
import { createRoleStackTask, updateRoleStackTask } from './task-builders.js';

export interface RoleOutcome {
  /** Stack tasks that run before the association step. */
  tasks: Task[];
  /**
   * What the association task points at. A role of ours is always named by its stack output, even
   * when the stack exists: the task then reads the same before and after a partial apply, so a
   * re-run can recognise it as one of the reviewed tasks.
   */
  roleArn: string | StackOutputRef;
  /** The role's ARN as it is now, when known (an existing stack whose update keeps the role). */
  currentArn?: string;
  /** Id of the stack task that produces `roleArn` (when it is a StackOutputRef). */
  producedBy?: string;
  /** The role lives in an eksctl-style stack: the association carries eksctl's tag. */
  roleIsOurs: boolean;
  /** A stack of this entry that is no longer needed; deleted after the association step. */
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
function createSummary(
  template: CfnTemplate,
  entry: PodIdentityAssociationSpec,
  stackName: string,
  tags: Record<string, string>,
) {
  const s = summarizeRoleTemplate(template);
  const own = entry.permissionPolicy
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
function userRole(
  entry: PodIdentityAssociationSpec & { roleARN: string },
  stack: LiveStack | undefined,
): RoleOutcome {
  if (!stack) return { tasks: [], roleArn: entry.roleARN, roleIsOurs: false };
  const usable = stackCondition(stack.status) === 'usable';
  // The config spells out the ARN of the role our stack made: keep using it, as eksctl allows.
  if (usable && stack.outputs[ROLE_OUTPUT] === entry.roleARN) {
    return { tasks: [], roleArn: entry.roleARN, roleIsOurs: true };
  }
  return {
    tasks: [],
    roleArn: entry.roleARN,
    roleIsOurs: false,
    staleStack: stack,
    switchReason: usable
      ? `roleARN is set: switch from the role of stack "${stack.stackName}" to ${entry.roleARN}, then delete the stack; ${ESKCTL_REFUSES_SWITCH}`
      : `roleARN is set: stack "${stack.stackName}" (${stack.status}) is no longer needed`,
  };
}

export function planRole(
  spec: ClusterSpec,
  entry: PodIdentityAssociationSpec,
  key: string,
  stack: LiveStack | undefined,
  association: LiveAssociation | undefined,
  options: PlanOptions,
): RoleOutcome {
  if (entry.roleARN) return userRole({ ...entry, roleARN: entry.roleARN }, stack);

  const template = podIdentityRoleTemplate(entry);
  const templateBody = canonicalJson(template);
  const capabilities = roleStackCapabilities(entry);
  const tags = roleStackTags(spec, entry, options.ownerId);
  const switchReason =
    association && !stack
      ? `roleARN is not set: switch from role ${association.roleArn} to a role created for this association; ${ESKCTL_REFUSES_SWITCH}`
      : undefined;

  if (!stack || stackCondition(stack.status) === 'failed') {
    const stackName = podIdentityRoleStackName(
      spec.name,
      entry.namespace,
      entry.serviceAccountName,
    );
    const replaces = stack
      ? `replace stack "${stack.stackName}" in ${stack.status}${stack.statusReason ? `: ${stack.statusReason}` : ''}`
      : undefined;
    const task = createRoleStackTask(
      key,
      {
        stackName,
        templateBody,
        capabilities,
        tags,
        ...(stack ? { replacesFailedStackId: stack.stackId } : {}),
      },
      {
        reason:
          replaces ??
          (association ? 'association uses a role not created for it' : 'not in cluster'),
        after: createSummary(template, entry, stackName, tags),
        ...(stack ? { before: { stackName: stack.stackName, status: stack.status } } : {}),
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

  // A usable stack (possibly left by a crash before its association was made): reuse it.
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
    ...(tagsDiffer ? ['stack tags differ'] : []),
    ...(stack.status === 'UPDATE_ROLLBACK_COMPLETE' ? ['last update was rolled back'] : []),
  ];
  const task = updateRoleStackTask(
    key,
    { stackName: stack.stackName, templateBody, capabilities, tags },
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
