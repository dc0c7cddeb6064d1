// The line every plan opens with: the owner id in force (the value of the podid-action/managed-by
// tag this run manages), where it came from, and whose resources are being taken over.

/** Where an owner id came from, as the CLI and the action say it. */
const SOURCES: Record<string, string> = {
  flag: '--owner-id',
  input: 'input owner-id',
  GITHUB_REPOSITORY: 'GITHUB_REPOSITORY',
  'git remote': 'the git remote "origin"',
  default: 'the default; set --owner-id or run in a git checkout',
};

export function ownerLine(
  owner: { id: string; source: string },
  takeOver: readonly string[] = [],
): string {
  const from = SOURCES[owner.source] ?? owner.source;
  const taking =
    takeOver.length > 0
      ? `; taking over what the config names from ${takeOver.map((o) => `"${o}"`).join(', ')}`
      : '';
  return `owner id: "${owner.id}" (from ${from})${taking}`;
}
