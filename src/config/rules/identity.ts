// Which service account an entry is for: the namespace and the service account name (eksctl's
// "must be set" rules, then Kubernetes' name shapes).

import { NAMESPACE_HINT, SA_HINT, checkNamespace, checkServiceAccountName } from '../limits.js';
import type { EntryRule } from './entry.js';

export const namespaceRule: EntryRule = (c) => {
  const { spec, pia } = c;
  if (!spec.namespace && !pia.bad.has('namespace')) {
    const hint =
      c.scope.addon !== undefined
        ? "eksctl's code requires it for addon associations although its docs omit it; use the addon's namespace, usually kube-system"
        : 'set namespace to the Kubernetes namespace of the service account';
    c.r.error(
      c.valAt('namespace'),
      `${c.path}.namespace`,
      c.prefixed(`${c.local}.namespace must be set`),
      hint,
    );
  } else if (spec.namespace) {
    const bad = checkNamespace(spec.namespace);
    if (bad) c.r.error(c.valAt('namespace'), `${c.path}.namespace`, bad, NAMESPACE_HINT);
  }
};

export const serviceAccountNameRule: EntryRule = (c) => {
  const { spec, pia } = c;
  if (!spec.serviceAccountName && !pia.bad.has('serviceAccountName')) {
    c.r.error(
      c.valAt('serviceAccountName'),
      `${c.path}.serviceAccountName`,
      c.prefixed(`${c.local}.serviceAccountName must be set`),
      'set serviceAccountName to the Kubernetes service account the pods use',
    );
  } else if (spec.serviceAccountName) {
    const bad = checkServiceAccountName(spec.serviceAccountName);
    if (bad) c.r.error(c.valAt('serviceAccountName'), `${c.path}.serviceAccountName`, bad, SA_HINT);
  }
};
