// Static access keys whose secret the emulator knows, each the IAM user `emulator` of its account:
// those given to startEmulator (kept across resets) and those seeded or posted (cleared by a reset).
// Any other key still works for AWS calls, as the default account's user (docs/emulator.md, "Accounts").

export interface StaticKey {
  accessKeyId: string;
  secretAccessKey: string;
  /** The account the key belongs to; the default account when absent. */
  accountId?: string;
}

/** An AWS account id. */
export const ACCOUNT_ID = /^\d{12}$/;

/** The IAM user every static key signs as. */
export const staticUserArn = (accountId: string): string =>
  `arn:aws:iam::${accountId}:user/emulator`;

export class StaticKeys {
  private readonly keys = new Map<string, { secretAccessKey: string; accountId: string }>();

  constructor(
    readonly defaultAccount: string,
    private readonly startup: readonly StaticKey[] = [],
  ) {
    this.reset();
  }

  set(key: StaticKey): void {
    this.keys.set(key.accessKeyId, {
      secretAccessKey: key.secretAccessKey,
      accountId: key.accountId ?? this.defaultAccount,
    });
  }

  get(accessKeyId: string): { secretAccessKey: string; accountId: string } | undefined {
    return this.keys.get(accessKeyId);
  }

  /** The account a key acts in: its own when registered, else the default account. */
  accountOf(accessKeyId: string | undefined): string {
    return (accessKeyId ? this.keys.get(accessKeyId)?.accountId : undefined) ?? this.defaultAccount;
  }

  ids(): string[] {
    return [...this.keys.keys()];
  }

  reset(): void {
    this.keys.clear();
    for (const key of this.startup) this.set(key);
  }
}
