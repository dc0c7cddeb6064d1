// What an add-on's pod identity association may not hold: the EKS add-on API takes only a service
// account and a role (eksctl's cluster-config rules, reference §1.2); fields it ignores are listed
// by config/not-managed.ts.

import type { EntryRule } from './entry.js';
import { policySources } from './role-source.js';

export const addonEntryFieldsRule: EntryRule = (c) => {
  if (c.scope.addon === undefined) return;
  const { spec, pia, path } = c;
  if (policySources(spec).wellKnownPolicies || pia.key.wellKnownPolicies) {
    c.r.error(
      c.keyAt('wellKnownPolicies'),
      `${path}.wellKnownPolicies`,
      c.suffixed(
        'wellKnownPolicies is not supported for addon.podIdentityAssociations; use addon.useDefaultPodIdentityAssociations instead',
      ),
      'remove wellKnownPolicies from the addon association',
    );
  }
  if (pia.key.tags) {
    c.r.error(
      c.keyAt('tags'),
      `${path}.tags`,
      c.suffixed('tags is not supported for addon.podIdentityAssociations'),
      'remove tags from the addon association; put them on the addon instead',
    );
  }
  // targetRoleARN, disableSessionTags and policy are accepted and listed as not managed.
};
