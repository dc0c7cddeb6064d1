// Templates asked for by stack name with the region's stack listing rather than after it.

import type { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { getTemplate } from '../aws/cloudformation.js';
import { isInProgress } from '../aws/waiters.js';
import type { LiveStack } from '../live/model.js';

type Template = Record<string, unknown> | undefined;

/**
 * Reading a role stack's template waits for the listing that says the stack exists, and is the
 * last link of a plan's longest chain of calls (listing, then template). In steady state the
 * stacks the config names exist, so their templates are asked for by name at once. A read the
 * listing shows was not needed (no such stack, or one still moving, whose template is read once it
 * settles) is cancelled: if it still waits for a request slot it never goes out.
 */
export class TemplatesAhead {
  private readonly reads = new Map<string, { template: Promise<Template>; cancel(): void }>();

  constructor(cfn: CloudFormationClient, stackNames: Iterable<string>) {
    for (const name of stackNames) {
      const controller = new AbortController();
      const template = getTemplate(cfn, name, controller.signal);
      // Awaited in `take`, or dropped.
      template.catch(() => {});
      this.reads.set(name, { template, cancel: () => controller.abort() });
    }
  }

  /**
   * Keeps the reads of the listed stacks that are settled (`listed`, before any wait) and cancels
   * the others; call once, when the listing is known, or with [] when the cluster is not read.
   */
  keepListed(listed: readonly LiveStack[]): void {
    const settled = new Set(listed.filter((s) => !isInProgress(s.status)).map((s) => s.stackName));
    for (const [name, read] of this.reads) {
      if (settled.has(name)) continue;
      read.cancel();
      this.reads.delete(name);
    }
  }

  /** The template read ahead for `stack`, or undefined (not read ahead, or the read failed). */
  async take(stack: LiveStack): Promise<Template | undefined> {
    const read = this.reads.get(stack.stackName);
    if (!read) return undefined;
    this.reads.delete(stack.stackName);
    return read.template.then(
      (template) => template ?? undefined,
      () => undefined,
    );
  }
}
