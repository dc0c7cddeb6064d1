// The job summary of the action's mode migrate: found, rewritten and kept, per file, escaped.
import { describe, expect, it } from 'vitest';
import { renderMigrateSummary } from '../../src/render/migrate-summary.js';

describe('renderMigrateSummary', () => {
  it('lists per file what was found, rewritten and left on IRSA, and says nothing changed in AWS', () => {
    const text = renderMigrateSummary([
      {
        file: 'prod.eksctl.yaml',
        cluster: 'prod',
        region: 'us-west-2',
        found: [{ line: 'found IAM role for service account default/sa1' }],
        changes: ['iam.serviceAccounts[0] (default/sa1) → iam.podIdentityAssociations'],
        kept: ['addons[1] (kube-proxy): does not support pod identity; left on IRSA'],
      },
      {
        file: 'dev.eksctl.yaml',
        cluster: 'dev',
        region: 'eu-west-1',
        found: [{ warning: true, line: 'no IAM OIDC provider associated with cluster' }],
        changes: [],
        kept: [],
      },
    ]);
    expect(text).toContain('### prod.eksctl.yaml: cluster prod (us-west-2)');
    expect(text).toContain(
      '- iam.serviceAccounts\\[0\\] (default/sa1) → iam.podIdentityAssociations',
    );
    expect(text).toContain('Left on IRSA:');
    expect(text).toContain('- ⚠️ no IAM OIDC provider associated with cluster');
    expect(text).toContain('Nothing to rewrite: the file is already in pod identity form.');
    expect(text.trimEnd().split('\n').pop()).toBe(
      '1 file(s) rewritten (output `changed-files`): open a pull request and review the migrate tasks in its plan comment; nothing was changed in AWS.',
    );
  });
});
