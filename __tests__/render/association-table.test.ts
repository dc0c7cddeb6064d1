// `podid get` output as eksctl prints it (issue 15, item 6): pkg/printers/table.go → kops
// tables.Render: rows sorted by the columns in order, cells padded with tabs by text/tabwriter
// (minwidth 0, tabwidth 8, padding 1, padchar '\t'); golden pkg/printers/testdata/tabletest_2clusters.golden.
import { describe, expect, it } from 'vitest';
import { formatAssociationRows, type AssociationRow } from '../../src/render/association-table.js';

const row = (id: string, ns: string, sa: string, owner = ''): AssociationRow => ({
  AssociationARN: `arn:aws:eks:us-west-2:111122223333:podidentityassociation/c/${id}`,
  Namespace: ns,
  ServiceAccountName: sa,
  RoleARN: `arn:aws:iam::111122223333:role/${sa}`,
  OwnerARN: owner,
});

describe('get table', () => {
  it('sorts rows by association ARN and pads columns with tabs to tab stops, like eksctl', () => {
    const text = formatAssociationRows(
      [row('a-2', 'default', 'web'), row('a-1', 'kube-system', 'aws-node', 'arn:aws:eks:addon')],
      'table',
    );
    const lines = text.split('\n');
    // ARN column: 61 characters + 1 → 64 (a tab stop); the header needs ceil((64-15)/8) = 7 tabs.
    expect(lines[0]).toBe(
      `ASSOCIATION ARN${'\t'.repeat(7)}NAMESPACE\tSERVICE ACCOUNT NAME\tIAM ROLE ARN${'\t'.repeat(4)}OWNER ARN`,
    );
    expect(lines[1].startsWith(row('a-1', '', '').AssociationARN)).toBe(true);
    expect(lines[1]).toBe(
      `${row('a-1', '', '').AssociationARN}\tkube-system\taws-node${'\t'.repeat(2)}arn:aws:iam::111122223333:role/aws-node\tarn:aws:eks:addon`,
    );
    // An empty last cell leaves the padding of the column before it, as tabwriter does.
    // (IAM ROLE ARN column: 39 + 1 → 40, so "role/web" (34) gets one tab, and nothing follows.)
    expect(lines[2].endsWith('role/web\t')).toBe(true);
    expect(lines[3]).toBe('');
  });

  it('says so when there is nothing, in eksctl words', () => {
    expect(formatAssociationRows([], 'table')).toBe('No podidentityassociations found\n');
  });
});
