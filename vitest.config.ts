import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['__tests__/**/*.test.ts'],
    // e2e tests start emulators and child processes; 2-core CI machines need headroom.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
    // Tests build SDK clients of their own (the emulator helpers): the SDK's Node 20 reminder is
    // noise there. Processes the tests spawn (the CLI, the action) get a clean environment and
    // must stay quiet by themselves (__tests__/e2e/cli-usage.test.ts).
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  },
});
