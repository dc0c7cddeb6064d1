// What every rule about one pod identity association sees: the entry as read (values and their
// positions), where it sits (standalone or under an add-on), and how to report on it. A rule is a
// short function of this; `validateEntry` runs them in order.

import type { PodIdentityAssociationSpec } from '../model.js';
import type { RawPia } from '../read.js';
import { quote, type Pos, type Reader } from '../yaml.js';

/** Where an entry sits: the cluster it belongs to and, for an add-on's entry, the add-on. */
export interface EntryScope {
  cluster: string;
  accountID?: string;
  metadataTags: Record<string, string>;
  /** Set for add-on associations. */
  addon?: string;
  /** `addons[j]`, for Problem.path of add-on associations. */
  addonPath?: string;
}

export interface EntryCheck {
  r: Reader;
  pia: RawPia;
  spec: PodIdentityAssociationSpec;
  scope: EntryScope;
  /** eksctl's path in messages: inside an add-on it is `podIdentityAssociations[i]`. */
  local: string;
  /** The full field path for Problem.path. */
  path: string;
  /** Position of a key, or of the entry when the key is absent. */
  keyAt(key: string): Pos;
  /** Position of a key's value, or of the entry when the key is absent. */
  valAt(key: string): Pos;
  /** eksctl's add-on messages carry a prefix (Addon.Validate)… */
  prefixed(message: string): string;
  /** …or a suffix (cluster-config validation); standalone ones lead with the entry path. */
  suffixed(message: string): string;
}

export type EntryRule = (c: EntryCheck) => void;

export function entryCheck(r: Reader, pia: RawPia, scope: EntryScope): EntryCheck {
  const local = pia.path;
  const addon = scope.addon;
  return {
    r,
    pia,
    spec: pia.spec,
    scope,
    local,
    path: scope.addonPath !== undefined ? `${scope.addonPath}.${local}` : local,
    keyAt: (key) => pia.key[key] ?? pia.at,
    valAt: (key) => pia.val[key] ?? pia.at,
    prefixed: (m) =>
      addon !== undefined ? `invalid configuration for ${quote(addon)} addon: ${m}` : m,
    suffixed: (m) => (addon !== undefined ? `${m} (addon: ${addon})` : `${local}: ${m}`),
  };
}
