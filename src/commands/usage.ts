// What `podid --help`, `podid help COMMAND`, `podid COMMAND --help` and `podid --version` print:
// each command's synopsis is written once here and shown both in the overview and on its own.

import pkg from '../../package.json' with { type: 'json' };

export const VERSION: string = pkg.version;

interface CommandHelp {
  synopsis: string;
  about: string;
}

const COMMANDS = {
  validate: {
    synopsis: 'podid validate -f GLOB... [--output text|json]',
    about:
      'Reads and checks the eksctl ClusterConfig files; no AWS call. Every problem is printed as\nfile:line:col: error: message (hint). Exit 1 on any error.',
  },
  plan: {
    synopsis: `podid plan     -f GLOB... [--cluster NAME] [--output text|markdown|json] [--prune managed|all|none]
                          [--owner-id ID] [--take-over OWNER] [--concurrency N] [--detailed-exitcode]
                          [--remove-oidc-trust]`,
    about:
      "Prints what apply would change; makes no mutating AWS call. --detailed-exitcode exits 2 when\nthe plan has changes. --output json writes JSON to stdout, also when the files are invalid.\nAn entry whose roleARN is its IRSA role is migrated (trust policy, then association); with\n--remove-oidc-trust that role also stops trusting the cluster's OIDC provider for the service\naccount, and the service account loses its IRSA annotation.",
  },
  apply: {
    synopsis: `podid apply    -f GLOB... [--cluster NAME] [--concurrency N] [--prune managed|all|none]
                          [--owner-id ID] [--take-over OWNER] [--remove-oidc-trust]`,
    about:
      'Plans, prints the plan, then carries it out. A failed task fails only what depends on it;\nre-running converges. Exit 1 when anything failed.',
  },
  get: {
    synopsis: `podid get      (--cluster NAME [--region R] | -f FILE) [--namespace NS [--service-account-name SA]]
                          [-o table|json|yaml]`,
    about:
      "eksctl's get podidentityassociation, reading every page. With -f the cluster and region come\nfrom the file; without, the region is --region, else AWS_REGION or the AWS profile's region.",
  },
  migrate: {
    synopsis: `podid migrate  --cluster NAME [--region R] [--remove-oidc-provider-trust-relationship] [--approve]
  podid migrate  -f FILE [--write]`,
    about:
      "eksctl's utils migrate-to-pod-identity: finds the cluster's IRSA (annotated service accounts,\neksctl's iamserviceaccount stacks, add-ons with a service-account role) and prints the plan in\neksctl's words; --approve carries it out. With -f, rewrites the file into pod identity form\ninstead (--write saves it), for a pull request whose plan shows the migrate tasks.",
  },
  emulator: {
    synopsis:
      'podid emulator [--port N] [--seed FILE] [--latency-profile none|realistic] [--time-scale N]',
    about: 'Starts the local AWS emulator (from a checkout of the repository).',
  },
  demo: {
    synopsis: 'podid demo',
    about: 'A short tour: the emulator, a plan, an apply and a second, empty plan on examples/.',
  },
} as const satisfies Record<string, CommandHelp>;

export type CommandName = keyof typeof COMMANDS;

export function isCommand(name: string | undefined): name is CommandName {
  return name !== undefined && Object.hasOwn(COMMANDS, name);
}

const FOOTER = `Exit codes: 0 success, 1 error, 2 (plan --detailed-exitcode) the plan has changes.
AWS region comes from each file's metadata.region; credentials from the SDK's default chain.`;

export function overview(): string {
  const synopses = Object.values(COMMANDS).map((c) => `  ${c.synopsis}`);
  return `podid ${VERSION}: GitOps for EKS Pod Identity

Usage:
${synopses.join('\n')}
  podid help COMMAND | COMMAND --help | --version

${FOOTER}
`;
}

export function commandUsage(name: CommandName): string {
  const { synopsis, about } = COMMANDS[name];
  return `Usage:\n  ${synopsis}\n\n${about}\n\n${FOOTER}\n`;
}
