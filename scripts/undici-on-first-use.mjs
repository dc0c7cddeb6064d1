// What the bundle gives @actions/http-client and @actions/github for `undici` (scripts/bundle.mjs):
// the same two names, with undici itself (800 KB of code) required from dist/undici.cjs only when one
// is first used, by Octokit's fetch or a proxy. @actions/core imports http-client for its OIDC token
// request, so without this every run, a refused input too, would load and start undici.

import { createRequire } from 'node:module';

let undici;
const load = () => (undici ??= createRequire(import.meta.url)('./undici.cjs'));

export function fetch(input, init) {
  return load().fetch(input, init);
}

export class ProxyAgent {
  constructor(options) {
    return new (load().ProxyAgent)(options);
  }
}
