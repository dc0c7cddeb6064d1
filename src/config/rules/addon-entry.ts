// What an add-on's pod identity association may not hold: the EKS add-on API takes only a service
// account and a role (eksctl's cluster-config rules, reference §1.2).

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
  for (const f of ['targetRoleARN', 'disableSessionTags', 'policy'] as const) {
    if (spec[f] === undefined) continue;
    c.r.warn(
      c.keyAt(f),
      `${path}.${f}`,
      `${path}.${f} is not supported for addon.podIdentityAssociations and is ignored`,
      'the EKS addon API takes only serviceAccount and roleArn; remove the field',
    );
  }
};
