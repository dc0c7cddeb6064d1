// Which IAM role each cluster's AWS calls use (input role-to-assume): one ARN for every cluster, or
// lines `<account id>=<arn>` and `<cluster name>=<arn>` for many accounts. Pure: the input's text
// and the clusters in, each cluster's role (or why there is none) out, before any AWS call.

/** The parsed input: the bare ARN (every cluster not named otherwise) and the keyed lines. */
export interface RoleMap {
  /** The line without a key; undefined when every line has one. */
  readonly fallback?: string;
  /** 12-digit account id → role ARN (clusters whose metadata.accountID is that account). */
  readonly byAccount: ReadonlyMap<string, string>;
  /** metadata.name → role ARN (wins over the account's line). */
  readonly byCluster: ReadonlyMap<string, string>;
}

export const ROLE_ARN = /^arn:aws[a-z-]*:iam::(\d{12}):role\/[\w+=,.@/-]{1,512}$/;
const ACCOUNT = /^\d{12}$/;
const EXAMPLE = 'arn:aws:iam::123456789012:role/podid-plan';

export const accountOfRole = (arn: string): string => ROLE_ARN.exec(arn)?.[1] ?? '';

/** The input's lines (# comments ignored) as a RoleMap, or the problems, each naming the line. */
export function parseRoleMap(text: string): { map: RoleMap; problems: string[] } {
  const problems: string[] = [];
  let fallback: string | undefined;
  const byAccount = new Map<string, string>();
  const byCluster = new Map<string, string>();
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.replace(/(^|\s)#.*$/, '').trim())
    .filter((l) => l !== '');
  for (const line of lines) {
    const eq = line.indexOf('=');
    // An ARN may itself hold "=" (role paths allow it), so a key is only what precedes " = arn:".
    const keyed = eq > 0 && /^\s*arn:/.test(line.slice(eq + 1));
    const key = keyed ? line.slice(0, eq).trim() : '';
    const arn = keyed ? line.slice(eq + 1).trim() : line;
    if (!ROLE_ARN.test(arn)) {
      problems.push(
        `input "role-to-assume" must be an IAM role ARN such as ${EXAMPLE}, or lines "<account id or cluster name>=<role ARN>"; got "${line}"`,
      );
      continue;
    }
    if (!keyed) {
      if (fallback !== undefined) {
        problems.push(
          `input "role-to-assume" has two lines without a key ("${fallback}" and "${arn}"): only one role may serve every cluster not named otherwise`,
        );
      }
      fallback = arn;
      continue;
    }
    const table = ACCOUNT.test(key) ? byAccount : byCluster;
    if (table.has(key)) {
      problems.push(`input "role-to-assume" names "${key}" twice`);
      continue;
    }
    if (table === byAccount && accountOfRole(arn) !== key) {
      problems.push(
        `input "role-to-assume" maps account ${key} to ${arn}, a role of account ${accountOfRole(arn)}: the role that reaches a cluster must be in the cluster's account`,
      );
      continue;
    }
    table.set(key, arn);
  }
  return { map: { fallback, byAccount, byCluster }, problems };
}

export const hasRoles = (map: RoleMap): boolean =>
  map.fallback !== undefined || map.byAccount.size > 0 || map.byCluster.size > 0;

/** What the role resolution reads of a cluster. */
export interface RoleTarget {
  name: string;
  accountID?: string;
}

/**
 * The role of a cluster: its name's line, else its metadata.accountID's line, else the line without
 * a key. The cluster's account is its metadata.accountID when set, else the account of that role.
 */
export function roleOf(map: RoleMap, cluster: RoleTarget): { role: string } | { problem: string } {
  const byAccount =
    cluster.accountID === undefined ? undefined : map.byAccount.get(cluster.accountID);
  const role = map.byCluster.get(cluster.name) ?? byAccount ?? map.fallback;
  if (role === undefined) {
    const account = cluster.accountID
      ? `its account ${cluster.accountID} (metadata.accountID)`
      : 'its account (metadata.accountID is not set)';
    return {
      problem: `input "role-to-assume" has no role for cluster "${cluster.name}": neither its name nor ${account} has a line, and there is no line without a key. Add "${cluster.name}=<role ARN>"${cluster.accountID ? ` or "${cluster.accountID}=<role ARN>"` : ''}, or one ARN without a key for every other cluster`,
    };
  }
  if (cluster.accountID && accountOfRole(role) !== cluster.accountID) {
    return {
      problem: `cluster "${cluster.name}" is in account ${cluster.accountID} (metadata.accountID), but input "role-to-assume" gives it ${role}, a role of account ${accountOfRole(role)}: its calls would reach the wrong account. Add "${cluster.name}=<a role of account ${cluster.accountID}>"`,
    };
  }
  return { role };
}
