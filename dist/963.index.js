export const id = 963;
export const ids = [963];
export const modules = {

/***/ 6963:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   lE: () => (/* binding */ CredentialsError),
/* harmony export */   renewingCredentials: () => (/* binding */ renewingCredentials),
/* harmony export */   resolveCredentials: () => (/* binding */ resolveCredentials)
/* harmony export */ });
/* unused harmony exports OIDC_AUDIENCE, tokenClaims, subjectForms */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9378);
/* harmony import */ var _sdk_reminder_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2244);
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2495);
/* harmony import */ var _timeouts_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2653);
// AWS credentials for the action (DESIGN §8). With `role-to-assume`: the job's GitHub OIDC token
// (audience sts.amazonaws.com) is exchanged with STS AssumeRoleWithWebIdentity (unsigned), retried
// with full-jitter backoff on IDPCommunicationError and throttling; the keys are masked before
// anything can print them. Without it: the SDK default chain. Each way this commonly fails gets ONE
// error naming the fix. The STS client is imported when first needed: the OIDC token request goes
// out before the SDK is loaded.




const OIDC_AUDIENCE = 'sts.amazonaws.com';
const SESSION_SECONDS = 3600;
/** Credentials could not be had; the message says how to fix it. */
class CredentialsError extends Error {
    fork;
    constructor(message, 
    /** The cause is the PR coming from a fork, which no workflow setting fixes. */
    fork = false) {
        super(message);
        this.fork = fork;
    }
}
const stsSdk = () => __webpack_require__.e(/* import() */ 695).then(__webpack_require__.t.bind(__webpack_require__, 1695, 19));
async function defaultSts(region, credentials) {
    const { STSClient } = await stsSdk();
    const http = (0,_timeouts_js__WEBPACK_IMPORTED_MODULE_0__/* .httpSettings */ .qe)();
    (0,_sdk_reminder_js__WEBPACK_IMPORTED_MODULE_1__/* .quietSdkNodeReminder */ .f)();
    const sts = new STSClient({ region, credentials, maxAttempts: 3, ...http.config });
    (0,_timeouts_js__WEBPACK_IMPORTED_MODULE_0__/* .nameTimeouts */ .ku)(sts, http.timeouts);
    return sts;
}
/** The `sub` and `aud` claims of a JWT, for error messages (not verified: STS does that). */
function tokenClaims(jwt) {
    try {
        const payload = JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8'));
        const aud = Array.isArray(payload.aud) ? payload.aud.join(',') : payload.aud;
        return { sub: typeof payload.sub === 'string' ? payload.sub : undefined, aud };
    }
    catch {
        return {};
    }
}
function subjectForms(repository) {
    const [org, repo] = repository.split('/');
    return [
        `repo:${repository}:pull_request (pull request runs: give this only to the read-only plan role)`,
        `repo:${repository}:ref:refs/heads/main (pushes to main)`,
        `repo:${repository}:environment:production (jobs with environment: production)`,
        `repo:${org}@ORG_ID/${repo}@REPO_ID:… (the immutable form that repositories created from 2026-07-15, or opted in, emit)`,
    ].join('; ');
}
function noTokenError(request) {
    if (request.forkPullRequest) {
        return new CredentialsError('this pull request comes from a fork, and GitHub gives fork pull requests no OIDC token (id-token: none), ' +
            `so role ${request.roleToAssume} cannot be assumed. Push the branch to this repository to get a plan, ` +
            'or relay the plan with a workflow_run job; never use pull_request_target for this (docs/action.md)', true);
    }
    return new CredentialsError(`role-to-assume is set but the job cannot request an OIDC token: add \`permissions: id-token: write\` to the job ` +
        '(with `contents: read` and `pull-requests: write`: once a permissions block exists, every scope it does not list is none)');
}
function assumeError(error, request, jwt) {
    const { sub, aud } = tokenClaims(jwt);
    const message = (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(error);
    if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .isAwsError */ .m_)(error, 'AccessDenied', 'AccessDeniedException')) {
        return new CredentialsError(`STS refused AssumeRoleWithWebIdentity for ${request.roleToAssume}: ${message}. ` +
            `The token's sub is "${sub ?? 'unknown'}" and aud is "${aud ?? 'unknown'}": the role's trust policy must allow ` +
            `the Federated principal token.actions.githubusercontent.com with StringEquals on ` +
            `token.actions.githubusercontent.com:aud = ${OIDC_AUDIENCE} and on token.actions.githubusercontent.com:sub. ` +
            `Sub forms: ${subjectForms(request.repository)}. See docs/iam-policies.md`);
    }
    if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .isAwsError */ .m_)(error, 'InvalidIdentityToken', 'InvalidIdentityTokenException')) {
        return new CredentialsError(`STS did not accept the GitHub OIDC token: ${message}. Create the IAM OIDC identity provider ` +
            `https://token.actions.githubusercontent.com with audience ${OIDC_AUDIENCE} in the role's account (docs/iam-policies.md)`);
    }
    return new CredentialsError(`could not assume ${request.roleToAssume}: ${message}`);
}
const retryable = (error) => (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .isAwsError */ .m_)(error, 'IDPCommunicationError', 'IDPCommunicationErrorException') ||
    (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .isTransient */ .dg)(error);
async function callerArn(sts) {
    const { GetCallerIdentityCommand } = await stsSdk();
    const identity = await sts.send(new GetCallerIdentityCommand({}));
    return identity.Arn ?? 'unknown';
}
/** Credentials for the run, or undefined for the SDK default chain (checked to work). */
async function resolveCredentials(request, deps) {
    const makeSts = async (region, credentials) => deps.stsClient?.(region, credentials) ?? defaultSts(region, credentials);
    if (!request.roleToAssume) {
        const sts = await makeSts(request.region);
        try {
            deps.info(`AWS credentials: SDK default chain, as ${await callerArn(sts)}`);
        }
        catch (error) {
            throw new CredentialsError(`no usable AWS credentials (${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(error)}): set \`role-to-assume\` and grant ` +
                '`permissions: id-token: write`, or provide credentials in the environment');
        }
        finally {
            sts.destroy();
        }
        return undefined;
    }
    if (!deps.idTokenAvailable)
        throw noTokenError(request);
    let jwt;
    try {
        jwt = await deps.getIDToken(OIDC_AUDIENCE);
    }
    catch (error) {
        if (request.forkPullRequest)
            throw noTokenError(request);
        throw new CredentialsError(`could not get the GitHub OIDC token: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(error)}. Check that the job has \`permissions: id-token: write\``);
    }
    // core.getIDToken has already masked the token.
    const sts = await makeSts(request.region);
    const { AssumeRoleWithWebIdentityCommand } = await stsSdk();
    let response;
    try {
        response = await (0,_retry_js__WEBPACK_IMPORTED_MODULE_3__/* .withRetry */ .b)(() => sts.send(new AssumeRoleWithWebIdentityCommand({
            RoleArn: request.roleToAssume,
            RoleSessionName: request.roleSessionName,
            WebIdentityToken: jwt,
            DurationSeconds: SESSION_SECONDS,
        })), {
            attempts: 6,
            baseMs: 500,
            maxMs: 8000,
            isRetryable: retryable,
            sleep: deps.sleep,
            random: deps.random,
            onRetry: (error, attempt, delay) => deps.info(`AssumeRoleWithWebIdentity attempt ${attempt} failed (${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(error)}); retrying in ${delay} ms`),
        });
    }
    catch (error) {
        throw assumeError(error, request, jwt);
    }
    finally {
        sts.destroy();
    }
    const c = response.Credentials;
    if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken) {
        throw new CredentialsError('STS AssumeRoleWithWebIdentity answered without credentials');
    }
    // Masked before any other line is logged.
    deps.setSecret(c.AccessKeyId);
    deps.setSecret(c.SecretAccessKey);
    deps.setSecret(c.SessionToken);
    const credentials = {
        accessKeyId: c.AccessKeyId,
        secretAccessKey: c.SecretAccessKey,
        sessionToken: c.SessionToken,
        expiration: c.Expiration,
    };
    const check = await makeSts(request.region, credentials);
    try {
        deps.info(`AWS credentials: assumed ${request.roleToAssume} as ${await callerArn(check)}`);
    }
    catch (error) {
        throw new CredentialsError(`assumed ${request.roleToAssume}, but GetCallerIdentity with the new credentials failed: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(error)}`);
    }
    finally {
        check.destroy();
    }
    return credentials;
}
/** Renew this long before the session ends, as the SDK itself refreshes expiring identities. */
const RENEW_MARGIN_MS = 5 * 60_000;
/**
 * Credentials that outlive one session: the SDK calls the provider again when the identity nears its
 * expiration, and the provider then assumes the role anew (a fresh OIDC token each time), so an
 * apply that waits on many stacks and add-ons can run past the session's hour.
 */
function renewingCredentials(first, renew, now = () => Date.now()) {
    let current = first;
    let renewing;
    return async () => {
        const expiresAt = current.expiration?.getTime() ?? Number.POSITIVE_INFINITY;
        if (expiresAt - now() > RENEW_MARGIN_MS)
            return current;
        // One renewal for all the clients that ask at once.
        renewing ??= renew()
            .then((next) => (current = next ?? current))
            .finally(() => (renewing = undefined));
        return renewing;
    };
}


/***/ }),

/***/ 9378:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   dg: () => (/* binding */ isTransient),
/* harmony export */   gJ: () => (/* binding */ errorMessage),
/* harmony export */   m_: () => (/* binding */ isAwsError)
/* harmony export */ });
// Narrowing helpers for SDK errors, so adapters can turn expected errors into values.
function isAwsError(error, ...names) {
    if (typeof error !== 'object' || error === null)
        return false;
    const name = error.name;
    return typeof name === 'string' && (names.length === 0 || names.includes(name));
}
function errorMessage(error) {
    if (error instanceof Error)
        return error.message;
    return String(error);
}
/** Throttling and server-side faults that are worth retrying after the SDK has given up. */
function isTransient(error) {
    if (!isAwsError(error))
        return false;
    if ([
        'Throttling',
        'ThrottlingException',
        'TooManyRequestsException',
        'RequestLimitExceeded',
        'ServiceUnavailable',
        'ServiceUnavailableException',
        'InternalFailure',
        'ServerException',
        'ServiceFailureException',
        'RequestTimeout',
        'TimeoutError',
    ].includes(error.name)) {
        return true;
    }
    const status = error.$metadata?.httpStatusCode ?? 0;
    return status === 429 || status >= 500;
}


/***/ }),

/***/ 2495:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   b: () => (/* binding */ withRetry)
/* harmony export */ });
// One retry helper for the whole product, on top of the SDK's own retries: for errors that outlast
// the SDK's attempts (sustained throttling, a 5xx burst, IAM propagation, an IdP hiccup).
const defaultSleep = (ms) => new Promise((r) => setTimeout(r, ms));
/** Exponential backoff with full jitter (a random delay in [0, min(max, base·2^(attempt-1)))), so
 * many parallel tasks do not retry in lockstep. */
async function withRetry(fn, options) {
    const sleep = options.sleep ?? defaultSleep;
    const random = options.random ?? Math.random;
    for (let attempt = 1;; attempt++) {
        try {
            return await fn();
        }
        catch (error) {
            if (attempt >= options.attempts || !options.isRetryable(error))
                throw error;
            const cap = Math.min(options.maxMs, options.baseMs * 2 ** (attempt - 1));
            const delay = Math.floor(random() * cap);
            options.onRetry?.(error, attempt, delay);
            await sleep(delay);
        }
    }
}


/***/ }),

/***/ 2244:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ quietSdkNodeReminder)
/* harmony export */ });
// The SDK's Node version reminder, switched off before any client is made (clients.ts, credentials.ts).
/**
 * The SDK warns on Node < 22 that SDK versions published after January 2027 will need Node 22: eight
 * lines on every run that no podid user can act on (the SDK version is fixed in the bundle, and the
 * README says which Node versions podid supports). This is the SDK's documented switch, read when a
 * client is constructed; a user who sets it to anything else keeps the warning.
 */
function quietSdkNodeReminder() {
    process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
}


/***/ }),

/***/ 2653:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   TX: () => (/* binding */ httpTimeouts),
/* harmony export */   ku: () => (/* binding */ nameTimeouts),
/* harmony export */   qe: () => (/* binding */ httpSettings)
/* harmony export */ });
/* unused harmony export HTTP_TIMEOUT_ENV */
// Client-side timeouts of every AWS call. Without them one stalled request holds a concurrency slot
// for as long as the server stalls, and forever on a dead connection. A cut-off attempt fails with
// the SDK's `TimeoutError`, which the SDK's standard retry strategy (and our `isTransient`) retries
// like any transient error; once the attempts are spent, the error names the call and the limit.
/** The one setting: milliseconds a whole request may take (the connect limit never exceeds it). */
const HTTP_TIMEOUT_ENV = 'PODID_HTTP_TIMEOUT_MS';
/**
 * Connecting (TCP and TLS) to a regional AWS endpoint takes milliseconds; after 5 s the network or
 * the endpoint is not there, and a fresh attempt (a new connection) is the useful next step.
 */
const CONNECT_MS = 5_000;
/**
 * EKS, IAM, CloudFormation and STS answer every call the product makes in well under a second
 * (their work is asynchronous: stacks and add-ons are waited for by polling), so 30 s is far beyond
 * a slow answer, and a hung call costs at most 2.5 minutes over the SDK's 5 attempts. It also stays
 * well inside the 5 minutes of validity credentials have when an attempt is signed (they are
 * renewed when fewer remain), so no attempt can outlive its key.
 */
const REQUEST_MS = 30_000;
/** The timeouts, from PODID_HTTP_TIMEOUT_MS when set. A bad value is an error, not ignored. */
function httpTimeouts(env = process.env) {
    const raw = env[HTTP_TIMEOUT_ENV];
    if (raw === undefined || raw.trim() === '')
        return { connectMs: CONNECT_MS, requestMs: REQUEST_MS };
    const ms = Number(raw);
    if (!Number.isInteger(ms) || ms < 100 || ms > 300_000) {
        throw new Error(`${HTTP_TIMEOUT_ENV} must be a whole number of milliseconds from 100 to 300000 (default ${REQUEST_MS}); got "${raw}"`);
    }
    return { connectMs: Math.min(CONNECT_MS, ms), requestMs: ms };
}
/** The SDK client settings that apply the timeouts (NodeHttpHandler options). */
function httpSettings(timeouts = httpTimeouts()) {
    return {
        timeouts,
        config: {
            requestHandler: {
                connectionTimeout: timeouts.connectMs,
                requestTimeout: timeouts.requestMs,
                // Without it the handler only logs a warning when requestTimeout passes, and keeps waiting.
                throwOnRequestTimeout: true,
            },
        },
    };
}
const seconds = (ms) => `${Math.round(ms / 100) / 10} s`;
/** The error a spent run of timed-out attempts ends with, saying which call and how long. */
function named(error, context, timeouts) {
    const service = (context.clientName ?? 'AWS').replace(/Client$/, '');
    const operation = (context.commandName ?? 'call').replace(/Command$/, '');
    const attempts = error.$metadata?.attempts ?? 1;
    const each = attempts === 1 ? 'on its only attempt' : `on each of ${attempts} attempts`;
    error.message = /establish a connection/.test(error.message)
        ? `${service} ${operation} timed out: could not connect within ${seconds(timeouts.connectMs)} ${each}; check the network and the endpoint`
        : `${service} ${operation} timed out: no answer within ${seconds(timeouts.requestMs)} ${each} (${HTTP_TIMEOUT_ENV} sets the limit)`;
}
/**
 * Outermost middleware of a client: rewrites the SDK's timeout message ("a request has exceeded the
 * configured 30000 ms requestTimeout"), which names neither the service nor the call. The error
 * stays a `TimeoutError`, so retries above the SDK still see it as transient.
 */
function nameTimeouts(client, timeouts) {
    // Any SDK v3 client: the generic MiddlewareStack types of each client do not meet in one type.
    const stack = client.middlewareStack;
    stack.add((next, context) => async (args) => {
        try {
            return await next(args);
        }
        catch (error) {
            const e = error;
            if (e?.name === 'TimeoutError' && typeof e.message === 'string')
                named(e, context, timeouts);
            throw error;
        }
    }, { step: 'initialize', priority: 'high', name: 'podidTimeoutMessage' });
}


/***/ })

};
