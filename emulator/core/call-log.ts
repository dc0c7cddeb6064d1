// The call log (GET /_emulator/calls): every call the emulator answered, in order, with who made it.

import type { ServiceName } from './types.js';

export interface CallRecord {
  seq: number;
  /** ISO time the call arrived. */
  time: string;
  service: ServiceName;
  operation: string;
  mutating: boolean;
  status: number;
  /** Error code when the call failed. */
  errorCode?: string;
  durationMs: number;
  accessKeyId?: string;
  /** The AWS account the call acted in (AWS services and the Kubernetes API only). */
  account?: string;
  /** The assumed-role ARN, for calls signed with credentials the emulator's STS issued. */
  principal?: string;
  /** True when IAM enforcement refused the call (or its session had expired). */
  denied?: boolean;
  /** True when the answer came from fault injection, not the service. */
  injected?: boolean;
}

export class CallLog {
  private records: CallRecord[] = [];
  private seq = 0;

  add(record: Omit<CallRecord, 'seq'>): void {
    this.records.push({ seq: ++this.seq, ...record });
  }

  /** Calls after sequence number `since` (0 = all). */
  list(since = 0): CallRecord[] {
    return since > 0 ? this.records.filter((r) => r.seq > since) : [...this.records];
  }

  clear(): void {
    this.records = [];
  }
}
