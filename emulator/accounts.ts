// The AWS accounts the emulator holds (docs/emulator.md, "Accounts"). Each has its own World and its
// own IAM, CloudFormation and EKS (whose clusters carry their Kubernetes objects), enforced by its
// own authorizer; a request acts in the account of its credentials. STS, the static keys, the
// Kubernetes API's front door, GitHub and the OIDC issuer are shared. An account other than the
// default comes into being when it is seeded or its credentials are used, and a reset forgets it.

import { createAuthorizer } from './core/authorize.js';
import { staticUserArn } from './core/static-keys.js';
import type { ServiceModule, World } from './core/types.js';
import { createCloudFormationService, type CloudFormationService } from './cloudformation/index.js';
import { createEksService, type EksService } from './eks/index.js';
import { createIamService, type IamService } from './iam/index.js';
import type { StsSession } from './sts/session.js';

/** What accounts share: simulated time, the default region, and the faults in force. */
export type SharedSettings = Pick<
  World,
  'defaultRegion' | 'clock' | 'durations' | 'failingStacks' | 'failingAddons'
>;

export interface Account {
  id: string;
  world: World;
  iam: IamService;
  cloudformation: CloudFormationService;
  eks: EksService;
  /** IAM, CloudFormation and EKS, in the order a seed applies them. */
  modules: ServiceModule[];
  authorize: ReturnType<typeof createAuthorizer>;
}

export interface AccountDeps {
  shared: SharedSettings;
  sessions: Map<string, StsSession>;
  /** The Kubernetes APIs' HTTPS base URL and CA: the default account's clusters are under `/_k8s/`. */
  kubernetes: { url: string; certificate: string };
  defaultId: string;
}

export function createAccount(id: string, deps: AccountDeps): Account {
  const { url, certificate } = deps.kubernetes;
  const world: World = {
    ...deps.shared,
    accountId: id,
    // Another account's clusters are served under its id, so names may repeat across accounts.
    kubernetesApi: { url: id === deps.defaultId ? url : `${url}/${id}`, certificate },
  };
  const iam = createIamService(world);
  world.iam = iam;
  // The creator of a cluster (its bootstrap admin access entry): the session's role, else the user.
  world.principalOf = (accessKeyId) =>
    (accessKeyId ? deps.sessions.get(accessKeyId)?.roleArn : undefined) ?? staticUserArn(id);
  const eks = createEksService(world);
  const cloudformation = createCloudFormationService(world, iam);
  const authorize = createAuthorizer(world, deps.sessions, iam.store);
  return { id, world, iam, cloudformation, eks, modules: [iam, cloudformation, eks], authorize };
}

export class Accounts {
  private readonly others = new Map<string, Account>();

  constructor(
    readonly main: Account,
    private readonly make: (id: string) => Account,
  ) {}

  /** The account, created empty on first use. */
  get(id: string): Account {
    if (id === this.main.id) return this.main;
    let account = this.others.get(id);
    if (!account) {
      account = this.make(id);
      this.others.set(id, account);
    }
    return account;
  }

  /** The account when it exists (the default one always does). */
  find(id: string): Account | undefined {
    return id === this.main.id ? this.main : this.others.get(id);
  }

  /** Every account but the default one. */
  extra(): Account[] {
    return [...this.others.values()];
  }

  /** Forgets every account but the default one (whose services a reset clears with the rest). */
  forgetExtra(): void {
    this.others.clear();
  }
}
