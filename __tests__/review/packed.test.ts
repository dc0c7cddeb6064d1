// The header's packed forms: fixed-size records and task lists round-trip; anything else reads as
// nothing, including a task list that would inflate past its bound.
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  base64Length,
  packRecords,
  packTaskList,
  unpackRecords,
  unpackTaskList,
} from '../../src/review/packed.js';

describe('packed records', () => {
  it('round-trips records of one length, and costs what base64Length says', () => {
    const records = [
      '00'.repeat(21),
      'ab'.repeat(21),
      '0123456789abcdef0123456789abcdef0123456789',
    ];
    const packed = packRecords(records);
    expect(packed).toHaveLength(base64Length(63));
    expect(unpackRecords(packed, 21)).toEqual(records);
    expect(unpackRecords(packRecords([]), 21)).toEqual([]);
  });

  it('reads a wrong length, non-base64 or a non-string as nothing', () => {
    expect(unpackRecords(packRecords(['00'.repeat(20)]), 21)).toBeUndefined();
    expect(unpackRecords('-->', 5)).toBeUndefined();
    expect(unpackRecords(42, 5)).toBeUndefined();
  });
});

describe('packed task lists', () => {
  it('round-trips region, name and every task', () => {
    const list = {
      region: 'eu-central-1',
      name: 'team-0001-production',
      tasks: [
        { id: 'create-association:apps/app', hash: '0123456789abcdef' },
        { id: 'create-role-stack:apps/app', hash: 'fedcba9876543210' },
      ],
    };
    expect(unpackTaskList(packTaskList(list))).toEqual(list);
    expect(unpackTaskList(packTaskList({ ...list, tasks: [] }))).toEqual({ ...list, tasks: [] });
  });

  it('reads a list whose ids and hashes disagree, or that inflates past a MiB, as nothing', () => {
    const ids = (text: string) => deflateRawSync(Buffer.from(text)).toString('base64');
    expect(unpackTaskList(`${ids('r\nn\na\nb')}.${Buffer.alloc(8).toString('base64')}`)).toBe(
      undefined,
    );
    const bomb = ids(`r\nn\n${'a'.repeat(2 << 20)}`);
    expect(unpackTaskList(`${bomb}.${Buffer.alloc(8).toString('base64')}`)).toBeUndefined();
    expect(unpackTaskList(`${ids('r\nn\na')}.${Buffer.alloc(8).toString('base64')}`)).toEqual({
      region: 'r',
      name: 'n',
      tasks: [{ id: 'a', hash: '0'.repeat(16) }],
    });
  });
});
