// `get`'s output: pod identity associations as eksctl prints them (table, JSON with 4-space indent,
// YAML with sorted keys), so scripts written against eksctl keep working.

import { stringify as toYaml } from 'yaml';

export type GetFormat = 'table' | 'json' | 'yaml';

export interface AssociationRow {
  AssociationARN: string;
  Namespace: string;
  ServiceAccountName: string;
  RoleARN: string;
  OwnerARN: string;
}

export function formatAssociationRows(rows: AssociationRow[], output: GetFormat): string {
  if (output === 'json') return `${JSON.stringify(rows, null, 4)}\n`;
  if (output === 'yaml') {
    if (rows.length === 0) return '[]\n';
    return toYaml(
      rows.map((r) => Object.fromEntries(Object.entries(r).sort(([a], [b]) => a.localeCompare(b)))),
    );
  }
  if (rows.length === 0) return 'No podidentityassociations found\n';
  const header = [
    'ASSOCIATION ARN',
    'NAMESPACE',
    'SERVICE ACCOUNT NAME',
    'IAM ROLE ARN',
    'OWNER ARN',
  ];
  const lines = [
    header,
    ...rows.map((r) => [
      r.AssociationARN,
      r.Namespace,
      r.ServiceAccountName,
      r.RoleARN,
      r.OwnerARN,
    ]),
  ];
  const widths = header.map((_, i) => Math.max(...lines.map((l) => l[i].length)));
  return `${lines
    .map((l) =>
      l
        .map((cell, i) => (i === l.length - 1 ? cell : cell.padEnd(widths[i] + 1)))
        .join('')
        .trimEnd(),
    )
    .join('\n')}\n`;
}
