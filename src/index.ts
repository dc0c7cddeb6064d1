// The action's entry (dist/index.js): run it.
import { run } from './action/main.js';

await run();
