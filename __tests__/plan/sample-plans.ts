// Plans for the action's unit tests, built with the planner's own fixtures (no AWS).
import { planAll } from '../../src/plan/plan-cluster.js';
import type { Plan } from '../../src/plan/model.js';
import {
  OPTIONS,
  association,
  entry,
  live,
  ownerTags,
  roleArn,
  spec,
  trustedRole,
} from './fixtures.js';

export const HOSTILE = '</details><img src=x onerror=alert(1)>';
export const SALT = 'org/infra#7';

/** `n` associations to create, each with an existing user role that trusts Pod Identity. */
export function planWithCreates(n: number, options: { tags?: Record<string, string> } = {}): Plan {
  const entries = [];
  const roles: Record<string, ReturnType<typeof trustedRole>> = {};
  for (let i = 0; i < n; i++) {
    const arn = roleArn(`user-app-${i}`);
    roles[arn] = trustedRole(arn);
    entries.push(
      entry('apps', `app-${String(i).padStart(4, '0')}`, {
        roleARN: arn,
        tags: options.tags ?? {},
      }),
    );
  }
  return planAll([spec(entries)], [live({ roles })], { ...OPTIONS, salt: SALT });
}

/** One create (with a hostile tag value), one adopt and one delete. */
export function mixedPlan(): Plan {
  const r = roleArn('user');
  return planAll(
    [
      spec([
        entry('default', 'new', {
          permissionPolicyARNs: ['arn:aws:iam::aws:policy/A'],
          tags: { note: HOSTILE },
        }),
        entry('default', 'adopt', { roleARN: r }),
      ]),
    ],
    [
      live({
        associations: [
          association('default', 'adopt', r),
          association('default', 'gone', roleArn('x'), { tags: ownerTags() }),
        ],
        roles: { [r]: trustedRole(r) },
      }),
    ],
    { ...OPTIONS, salt: SALT },
  );
}
