// The action's entry (dist/index.js): run it, then end the process.
import { run } from './action/main.js';
import { exitOnceLogged } from './action/runner-io.js';

await run();
// The run is over and nothing still in flight is needed: the OIDC token requested as the run
// started (action/real-deps.ts) may be pending when the config proved invalid, and a token endpoint
// that stalls, or answers 5xx that the toolkit retries, would otherwise hold the job until GitHub
// cancels it.
await exitOnceLogged();
