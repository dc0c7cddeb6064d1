// `GET /_emulator/oidc/token?sub=SUB&audience=AUD` stands in for ACTIONS_ID_TOKEN_REQUEST_URL:
// the toolkit appends `&audience=…` and sends `Authorization: Bearer <ACTIONS_ID_TOKEN_REQUEST_TOKEN>`,
// and reads `{"value": "<jwt>"}`. `GET /_emulator/oidc/jwks` publishes the verification key.

import { json, type AdminRoute } from '../core/admin.js';
import { OVERRIDABLE_CLAIMS, type OidcIssuer, type TokenRequest } from './issuer.js';

export function oidcAdminRoutes(issuer: OidcIssuer): AdminRoute[] {
  return [
    {
      method: 'GET',
      path: '/_emulator/oidc/token',
      logAs: { service: 'oidc', operation: 'GetIDToken' },
      handle: (req) => {
        // The toolkit sends the job's request token as a Bearer token; DESIGN §9 lets tests fetch a
        // token directly, so only a malformed Authorization header is refused.
        const authorization = req.headers.authorization;
        if (authorization !== undefined && !/^bearer\s+\S+/i.test(authorization))
          return json(401, {
            message: 'Authorization must be: Bearer <ACTIONS_ID_TOKEN_REQUEST_TOKEN>',
          });
        const sub = req.query.get('sub');
        if (!sub) return json(400, { message: 'the token URL needs ?sub=<subject claim>' });
        const overrides: TokenRequest['overrides'] = {};
        for (const name of OVERRIDABLE_CLAIMS) {
          const value = req.query.get(name);
          if (value !== null) overrides[name] = value;
        }
        const ttl = req.query.get('ttl');
        const pr = req.query.get('pr');
        const value = issuer.issue({
          sub,
          audience: req.query.get('audience') ?? undefined,
          ttlSeconds: ttl === null ? undefined : Number(ttl),
          pr: pr === null ? undefined : Number(pr),
          overrides,
        });
        return json(200, { value });
      },
    },
    { method: 'GET', path: '/_emulator/oidc/jwks', handle: () => json(200, issuer.jwks()) },
  ];
}
