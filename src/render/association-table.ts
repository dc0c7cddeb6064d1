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
  return tabTable(HEADER, rows.map(cells).sort(byColumns));
}

const HEADER = [
  'ASSOCIATION ARN',
  'NAMESPACE',
  'SERVICE ACCOUNT NAME',
  'IAM ROLE ARN',
  'OWNER ARN',
];

const cells = (r: AssociationRow): string[] => [
  r.AssociationARN,
  r.Namespace,
  r.ServiceAccountName,
  r.RoleARN,
  r.OwnerARN,
];

/** kops' tables.Render sorts rows by the first column, then the next on a tie (byte order). */
function byColumns(a: string[], b: string[]): number {
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  }
  return 0;
}

const TAB_WIDTH = 8;

/**
 * Go's text/tabwriter as eksctl sets it up (minwidth 0, tabwidth 8, padding 1, padchar '\t'): a
 * column is as wide as its widest cell plus one, rounded up to a tab stop; each cell but a line's
 * last is followed by the tabs that reach the column's end. So `podid get` diffs cleanly against
 * `eksctl get podidentityassociation`.
 */
function tabTable(header: string[], rows: string[][]): string {
  const lines = [header, ...rows];
  const width = (s: string): number => [...s].length;
  const columns = header.map((_, i) => {
    const widest = Math.max(...lines.map((l) => width(l[i]))) + 1;
    return Math.ceil(widest / TAB_WIDTH) * TAB_WIDTH;
  });
  const render = (line: string[]): string =>
    line
      .map((cell, i) => {
        if (i === line.length - 1) return cell;
        return cell + '\t'.repeat(Math.ceil((columns[i] - width(cell)) / TAB_WIDTH));
      })
      .join('');
  return `${lines.map(render).join('\n')}\n`;
}
