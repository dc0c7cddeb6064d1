// The role-to-assume input with many accounts: its syntax, its mistakes, and which role each
// cluster gets (name first, then metadata.accountID, then the line without a key).

import { describe, expect, it } from 'vitest';
import { parseRoleMap, roleOf } from '../../src/action/roles.js';

const A = 'arn:aws:iam::111122223333:role/podid-plan';
const B = 'arn:aws:iam::444455556666:role/podid-plan';
const C = 'arn:aws:iam::444455556666:role/team-x/podid-plan';

describe('parseRoleMap', () => {
  it('one ARN is the role of every cluster, as before', () => {
    const { map, problems } = parseRoleMap(A);
    expect(problems).toEqual([]);
    expect(map.fallback).toBe(A);
    expect(roleOf(map, { name: 'any' })).toEqual({ role: A });
  });

  it('reads account and cluster lines, with comments and blank lines', () => {
    const { map, problems } = parseRoleMap(
      `# plan roles\n${A}\n\n444455556666=${B}   # the EU account\n  prod-eu = ${C}\n`,
    );
    expect(problems).toEqual([]);
    expect(map.fallback).toBe(A);
    expect([...map.byAccount]).toEqual([['444455556666', B]]);
    expect([...map.byCluster]).toEqual([['prod-eu', C]]);
  });

  it('refuses a line that is no ARN, two lines without a key, a key twice, an account key with a role of another account', () => {
    expect(parseRoleMap('podid-plan').problems[0]).toContain(
      'or lines "<account id or cluster name>=<role ARN>"; got "podid-plan"',
    );
    expect(parseRoleMap(`${A}\n${B}`).problems[0]).toContain('two lines without a key');
    expect(parseRoleMap(`prod=${A}\nprod=${B}`).problems).toEqual([
      'input "role-to-assume" names "prod" twice',
    ]);
    expect(parseRoleMap(`111122223333=${B}`).problems[0]).toContain(
      'maps account 111122223333 to arn:aws:iam::444455556666:role/podid-plan, a role of account 444455556666',
    );
  });
});

describe('roleOf', () => {
  const { map } = parseRoleMap(`444455556666=${B}\nprod-eu=${C}`);

  it('the cluster name wins, then metadata.accountID', () => {
    expect(roleOf(map, { name: 'prod-eu', accountID: '444455556666' })).toEqual({ role: C });
    expect(roleOf(map, { name: 'staging-eu', accountID: '444455556666' })).toEqual({ role: B });
  });

  it('a cluster with no line and no fallback is refused, saying what to add', () => {
    const found = roleOf(map, { name: 'us', accountID: '111122223333' });
    expect(found).toEqual({
      problem: expect.stringContaining(
        'has no role for cluster "us": neither its name nor its account 111122223333 (metadata.accountID) has a line',
      ),
    });
    expect(roleOf(map, { name: 'us' })).toEqual({
      problem: expect.stringContaining('metadata.accountID is not set'),
    });
  });

  it('a role of another account than metadata.accountID is refused before any call', () => {
    const { map: single } = parseRoleMap(A);
    expect(roleOf(single, { name: 'eu', accountID: '444455556666' })).toEqual({
      problem: expect.stringContaining(
        'cluster "eu" is in account 444455556666 (metadata.accountID), but input "role-to-assume" gives it arn:aws:iam::111122223333:role/podid-plan',
      ),
    });
  });
});
