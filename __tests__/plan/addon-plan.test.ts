// An add-on's configurationValues are compared as data, quietly: the YAML parser's warnings would
// print the values' text to stderr, around the log sink (issue 12, item 7).
import { describe, expect, it, vi } from 'vitest';
import { AGENT_ADDON } from '../../src/names/addons.js';
import { planCluster } from '../../src/plan/plan-cluster.js';
import { OPTIONS, addon, agentCatalog, live, liveAddon, offered, spec } from './fixtures.js';

describe('add-on configurationValues', () => {
  it('are compared without a process warning, whatever tags they hold', () => {
    const warnings = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    try {
      const values = 'env: !secret-looking-tag x';
      const state = live({
        addons: {
          [AGENT_ADDON]: liveAddon(AGENT_ADDON),
          'vpc-cni': liveAddon('vpc-cni', { configurationValues: 'env: !other y' }),
        },
        addonNames: [AGENT_ADDON, 'vpc-cni'],
        addonCatalog: { [AGENT_ADDON]: agentCatalog(), 'vpc-cni': offered([]) },
      });
      const desired = spec([], {
        addons: [addon(AGENT_ADDON), addon('vpc-cni', { configurationValues: values })],
      });
      const plan = planCluster(desired, state, OPTIONS);
      expect(plan.tasks.map((t) => t.reason).join('\n')).toContain('configurationValues differ');
      expect(warnings).not.toHaveBeenCalled();
    } finally {
      warnings.mockRestore();
    }
  });
});
