export const id = 198;
export const ids = [198,565,963];
export const modules = {

/***/ 6565:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   invalidConfigMessage: () => (/* binding */ invalidConfigMessage),
/* harmony export */   listFlow: () => (/* binding */ listFlow),
/* harmony export */   loadConfig: () => (/* binding */ loadConfig)
/* harmony export */ });
/* harmony import */ var _config_not_managed_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8435);
/* harmony import */ var _render_problems_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5394);
/* harmony import */ var _outputs_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8948);
/* harmony import */ var _run_context_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2853);
// The first step of every mode: load and validate the config; each problem becomes an annotation on
// its file and line, and the `clusters` output lists what was found.




async function loadConfig(ctx) {
    const { io, settings } = ctx;
    const result = await ctx.loadConfig(settings.configPatterns, settings.workspace);
    const notManaged = (result.state?.clusters ?? []).flatMap(_config_not_managed_js__WEBPACK_IMPORTED_MODULE_0__/* .notManagedWarnings */ .U);
    for (const p of [...result.problems, ...notManaged]) {
        const annotation = {
            title: p.severity === 'error'
                ? 'Invalid eksctl ClusterConfig'
                : notManaged.includes(p)
                    ? 'Not managed by podid-action'
                    : 'eksctl ClusterConfig warning',
            file: p.file,
            ...(p.line > 0 ? { startLine: p.line, startColumn: p.column } : {}),
        };
        const message = `${p.message}${p.hint ? ` (${p.hint})` : ''}`;
        if (p.severity === 'error')
            io.error(message, annotation);
        else
            io.warning(message, annotation);
    }
    if (result.problems.length > 0)
        io.info(`config: ${(0,_render_problems_js__WEBPACK_IMPORTED_MODULE_1__/* .summarizeProblems */ .GF)(result.problems)}`);
    if (!result.state)
        return { problems: result.problems };
    // The output lists every configured cluster (for a matrix), whatever this run is limited to.
    io.setOutput(_outputs_js__WEBPACK_IMPORTED_MODULE_2__/* .Outputs */ .tY.clusters, (0,_outputs_js__WEBPACK_IMPORTED_MODULE_2__/* .clustersOutput */ .dn)(result.state));
    io.info(`config: ${result.state.clusters.length} cluster(s) from ${settings.configPatterns.join(', ')}`);
    if (settings.clusters.length === 0)
        return { state: result.state, problems: result.problems };
    const selected = selectClusters(result.state, settings.clusters);
    if ('problem' in selected) {
        io.error(selected.problem.message, { title: 'Invalid input "clusters"' });
        return { problems: [...result.problems, selected.problem] };
    }
    io.info(`clusters: limited to ${settings.clusters.join(', ')} (input clusters)`);
    return { state: selected.state, problems: result.problems };
}
/** `list` mode: the config read and the `clusters` output set, for a matrix; no AWS call. */
async function listFlow(ctx) {
    const { state, problems } = await loadConfig(ctx);
    return state ? _run_context_js__WEBPACK_IMPORTED_MODULE_3__/* .succeeded */ .P : (0,_run_context_js__WEBPACK_IMPORTED_MODULE_3__/* .failed */ .g)('invalid-config', invalidConfigMessage(problems));
}
/** The clusters the `clusters` input names; a name no config file declares is an error. */
function selectClusters(state, names) {
    const known = state.clusters.map((c) => c.name);
    const unknown = names.filter((n) => !known.includes(n));
    if (unknown.length > 0) {
        const message = `input "clusters" names ${unknown.map((n) => `"${n}"`).join(', ')}, which no config file declares (found: ${known.join(', ') || 'none'})`;
        return {
            problem: { severity: 'error', file: 'action input clusters', line: 0, column: 0, message },
        };
    }
    return { state: { clusters: state.clusters.filter((c) => names.includes(c.name)) } };
}
/** The step's failure message for config problems: each is already an annotation of its own. */
const invalidConfigMessage = (problems) => `the configuration is invalid: ${(0,_render_problems_js__WEBPACK_IMPORTED_MODULE_1__/* .summarizeProblems */ .GF)([...(problems ?? [])])}; see the annotations on the files`;


/***/ }),

/***/ 8482:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Ru: () => (/* binding */ computePlan),
  Og: () => (/* binding */ credentialsFor),
  B_: () => (/* binding */ isCredentialsError),
  Bv: () => (/* binding */ writePlanOutputs)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/aws/credentials.ts
var credentials = __webpack_require__(6963);
// EXTERNAL MODULE: ./src/render/json.ts
var json = __webpack_require__(5104);
;// CONCATENATED MODULE: ./src/render/owner.ts
// The line every plan opens with: the owner id in force (the value of the podid-action/managed-by
// tag this run manages), where it came from, and whose resources are being taken over.
/** Where an owner id came from, as the CLI and the action say it. */
const SOURCES = {
    flag: '--owner-id',
    input: 'input owner-id',
    GITHUB_REPOSITORY: 'GITHUB_REPOSITORY',
    'git remote': 'the git remote "origin"',
    default: 'the default; set --owner-id or run in a git checkout',
};
function ownerLine(owner, takeOver = []) {
    const from = SOURCES[owner.source] ?? owner.source;
    const taking = takeOver.length > 0
        ? `; taking over what the config names from ${takeOver.map((o) => `"${o}"`).join(', ')}`
        : '';
    return `owner id: "${owner.id}" (from ${from})${taking}`;
}

// EXTERNAL MODULE: ./src/render/plan-text.ts
var plan_text = __webpack_require__(6349);
// EXTERNAL MODULE: ./src/action/outputs.ts
var action_outputs = __webpack_require__(8948);
// EXTERNAL MODULE: ./src/action/roles.ts
var action_roles = __webpack_require__(8111);
;// CONCATENATED MODULE: ./src/action/plan-step.ts
// Credentials, then the plan: each cluster's plan and eksctl task tree logged in its own group, the
// plan JSON written under RUNNER_TEMP and the plan outputs set.







/**
 * Each cluster's role (input role-to-assume), decided before any call, and each distinct role
 * assumed once, all at once; a CredentialsError keeps its actionable message.
 */
async function credentialsFor(ctx, state) {
    const { settings } = ctx;
    const request = (roleToAssume, region) => ctx.credentials({
        roleToAssume,
        roleSessionName: settings.roleSessionName,
        region: settings.awsRegion ?? region ?? 'us-east-1',
        repository: settings.repository.fullName,
        forkPullRequest: settings.pullRequest?.fork === true,
    });
    if (!(0,action_roles/* hasRoles */.ob)(settings.roles)) {
        return { credentials: await request(undefined, state.clusters[0]?.region) };
    }
    const roleOfCluster = new Map();
    const regionOfRole = new Map();
    const problems = [];
    for (const cluster of state.clusters) {
        const found = (0,action_roles/* roleOf */.kp)(settings.roles, cluster);
        if ('problem' in found)
            problems.push(found.problem);
        else {
            roleOfCluster.set(cluster.name, found.role);
            if (!regionOfRole.has(found.role))
                regionOfRole.set(found.role, cluster.region);
        }
    }
    if (problems.length > 0)
        throw new credentials/* CredentialsError */.lE(problems.join('\n'));
    const roles = [...regionOfRole.keys()];
    if (roles.length <= 1) {
        return {
            credentials: await request(roles[0] ?? settings.roles.fallback, roles[0] && regionOfRole.get(roles[0])),
        };
    }
    const assumed = await Promise.all(roles.map((role) => request(role, regionOfRole.get(role))));
    const byRole = new Map(roles.map((role, i) => [role, assumed[i]]));
    return {
        identityOf: (cluster) => {
            const role = roleOfCluster.get(cluster);
            return role === undefined ? undefined : { key: role, credentials: byRole.get(role) };
        },
    };
}
const isCredentialsError = (error) => error instanceof credentials/* CredentialsError */.lE;
/** Plans with a fresh engine, logging each cluster's plan and eksctl task tree in its own group. */
async function computePlan(ctx, state, access, salt) {
    const { io, settings } = ctx;
    const engine = ctx.createEngine(access);
    io.info(ownerLine({ id: settings.ownerId, source: settings.ownerIdSource }, settings.takeOver));
    const plan = await io.group('Reading live state', () => engine.plan(state, {
        prune: settings.prune,
        ownerId: settings.ownerId,
        salt,
        // The apply's own identity must be allowed its Kubernetes changes; a plan job's read-only
        // role is not asked (another identity applies what it plans).
        ...(settings.mode === 'apply' ? { kubernetesAccess: 'required' } : {}),
        takeOver: settings.takeOver,
        removeOidcTrust: settings.removeOidcTrust,
    }));
    for (const cluster of plan.clusters) {
        await io.group(`Plan for cluster ${cluster.cluster} (${cluster.region})`, async () => {
            io.info((0,plan_text/* renderPlanText */.$D)({ version: 1, clusters: [cluster] }).trimEnd());
        });
    }
    return { plan, engine };
}
/** Writes the versioned plan JSON under RUNNER_TEMP and sets the plan outputs. */
async function writePlanOutputs(ctx, plan, outputs) {
    const path = (0,external_node_path_.join)(ctx.settings.tempDir, `podid-plan-${ctx.settings.runId}.json`);
    await ctx.io.writeTextFile(path, (0,json/* renderPlanJson */.uC)(plan));
    ctx.io.setOutput(action_outputs/* Outputs */.tY.planJson, path);
    for (const [name, value] of Object.entries(outputs))
        ctx.io.setOutput(name, value);
    return path;
}


/***/ }),

/***/ 2853:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P: () => (/* binding */ succeeded),
/* harmony export */   g: () => (/* binding */ failed)
/* harmony export */ });
// What a mode's flow needs from the outside world, injected so flows can run against fakes, and
// what it reports back to run().
const succeeded = {};
const failed = (reason, message) => ({
    failure: { reason, message },
});


/***/ }),

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


/***/ }),

/***/ 8435:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   U: () => (/* binding */ notManagedWarnings),
/* harmony export */   Y: () => (/* binding */ notManagedIn)
/* harmony export */ });
/* harmony import */ var _schema_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(131);
// What a config file holds that podid-action does not act on. Users keep their whole eksctl file,
// so these are accepted; the plan lists each one, so that "the cluster matches the configuration"
// is never claimed of a field nothing looked at.

const CLUSTER_SETTING = 'an eksctl cluster setting; podid-action manages only pod identity associations, their IAM roles and add-ons';
const IRSA_ROLE = 'an IRSA role setting: podid-action does not create IRSA roles; give the add-on podIdentityAssociations or useDefaultPodIdentityAssociations instead';
const CREATE_SERVICE_ACCOUNT = 'an add-on creates its own service accounts, so eksctl ignores this under addons[].podIdentityAssociations, and so does podid-action; it acts on it under iam.podIdentityAssociations';
const ADDON_ENTRY_FIELD = 'not supported for addon.podIdentityAssociations: the EKS add-on API takes only a service account and a role, so it is ignored';
/** The add-ons' associations, with paths from the top (`addons[0].podIdentityAssociations[1]`). */
const addonPias = (raw) => raw.addons.flatMap((a) => a.pias.map((p) => ({ ...p, path: `${a.path}.${p.path}` })));
/** Keys of a section, with their reason, in the order the file has them. */
const SECTIONS = [
    {
        of: (raw) => [raw.top],
        keys: Object.fromEntries(_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .IGNORED_TOP_LEVEL */ .sD.map((k) => [k, CLUSTER_SETTING])),
    },
    {
        of: (raw) => [raw.meta],
        keys: {
            version: 'a cluster creation setting; the plan reads the Kubernetes version of the live cluster',
            annotations: 'eksctl cluster metadata',
        },
    },
    {
        of: (raw) => [raw.iam],
        keys: {
            withOIDC: 'IRSA: podid-action does not create OIDC providers',
            serviceAccounts: 'IRSA service accounts and their roles are not created or changed by podid-action',
            serviceRoleARN: CLUSTER_SETTING,
            serviceRolePermissionsBoundary: CLUSTER_SETTING,
            fargatePodExecutionRoleARN: CLUSTER_SETTING,
            fargatePodExecutionRolePermissionsBoundary: CLUSTER_SETTING,
            vpcResourceControllerPolicy: CLUSTER_SETTING,
        },
    },
    {
        of: (raw) => [raw.addonsConfig],
        keys: { disableDefaultAddons: 'a cluster creation setting' },
    },
    {
        of: (raw) => [raw.autoModeConfig],
        keys: {
            enabled: 'a cluster setting; the plan reads Auto Mode from the live cluster',
            nodePools: CLUSTER_SETTING,
            nodeRoleARN: CLUSTER_SETTING,
        },
    },
    {
        of: (raw) => raw.addons,
        keys: {
            attachPolicyARNs: IRSA_ROLE,
            attachPolicy: IRSA_ROLE,
            wellKnownPolicies: IRSA_ROLE,
            permissionsBoundary: IRSA_ROLE,
            publishers: 'an eksctl add-on discovery filter',
            types: 'an eksctl add-on discovery filter',
            owners: 'an eksctl add-on discovery filter',
        },
    },
    {
        of: (raw) => raw.addons,
        keys: {
            resolveConflicts: 'a call option: sent when the add-on is created or updated, never compared with the live add-on (EKS does not keep it), so changing it alone changes nothing',
        },
    },
    {
        of: (raw) => addonPias(raw).filter((p) => p.spec.createServiceAccount),
        keys: { createServiceAccount: CREATE_SERVICE_ACCOUNT },
    },
    {
        of: (raw) => addonPias(raw),
        keys: {
            targetRoleARN: ADDON_ENTRY_FIELD,
            disableSessionTags: ADDON_ENTRY_FIELD,
            policy: ADDON_ENTRY_FIELD,
        },
    },
];
const fieldPath = (loc, key) => (loc.path ? `${loc.path}.${key}` : key);
function notManagedIn(raw) {
    const found = [];
    for (const section of SECTIONS) {
        for (const loc of section.of(raw)) {
            for (const [key, reason] of Object.entries(section.keys)) {
                const at = loc.key[key];
                if (at)
                    found.push({ path: fieldPath(loc, key), line: at.line, column: at.column, reason, at });
            }
        }
    }
    return found
        .sort((a, b) => a.line - b.line || a.column - b.column)
        .map(({ at: _at, ...item }) => item);
}
/** The same facts as warnings at their file position, for `validate` and the action's annotations. */
function notManagedWarnings(spec) {
    return spec.notManaged.map((n) => ({
        severity: 'warning',
        file: spec.file,
        line: n.line,
        column: n.column,
        path: n.path,
        message: `${n.path} is not managed by podid-action: ${n.reason}`,
    }));
}


/***/ }),

/***/ 131:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ED: () => (/* binding */ NAMESPACE_CONFIG_KEYS),
/* harmony export */   L3: () => (/* binding */ METADATA_KEYS),
/* harmony export */   Nd: () => (/* binding */ KIND),
/* harmony export */   St: () => (/* binding */ ADDONS_CONFIG_KEYS),
/* harmony export */   Uw: () => (/* binding */ TOP_LEVEL_KEYS),
/* harmony export */   Zf: () => (/* binding */ API_GROUP),
/* harmony export */   Zz: () => (/* binding */ IAM_KEYS),
/* harmony export */   dB: () => (/* binding */ OBJECT_META_KEYS),
/* harmony export */   kp: () => (/* binding */ closest),
/* harmony export */   mG: () => (/* binding */ API_VERSION),
/* harmony export */   pM: () => (/* binding */ AUTO_MODE_KEYS),
/* harmony export */   sD: () => (/* binding */ IGNORED_TOP_LEVEL)
/* harmony export */ });
/* unused harmony exports ACTED_TOP_LEVEL, IAM_IGNORED_KEYS */
// Which keys each section of an eksctl ClusterConfig may hold.
// Sections the product acts on are strict, like eksctl's own strict unmarshalling.
/** eksctl's API group: any of its versions marks a file as meant for eksctl. */
const API_GROUP = 'eksctl.io/';
const API_VERSION = `${API_GROUP}v1alpha5`;
const KIND = 'ClusterConfig';
/** Top-level sections the product reads. */
const ACTED_TOP_LEVEL = [
    'apiVersion',
    'kind',
    'metadata',
    'iam',
    'addons',
    'addonsConfig',
    'autoModeConfig',
];
/** The rest of eksctl's ClusterConfig: accepted so users keep their whole file, never read. */
const IGNORED_TOP_LEVEL = [
    'vpc',
    'nodeGroups',
    'managedNodeGroups',
    'fargateProfiles',
    'cloudWatch',
    'kubernetesNetworkConfig',
    'accessConfig',
    'secretsEncryption',
    'privateCluster',
    'availabilityZones',
    'localZones',
    'gitops',
    'karpenter',
    'outpost',
    'identityProviders',
    'iamIdentityMappings',
    'zonalShiftConfig',
    'remoteNetworkConfig',
    'capabilities',
    'upgradePolicy',
    'status',
];
const TOP_LEVEL_KEYS = [...ACTED_TOP_LEVEL, ...IGNORED_TOP_LEVEL];
const METADATA_KEYS = ['name', 'region', 'version', 'tags', 'annotations', 'accountID'];
/** Keys of `iam` that eksctl knows but this product does not act on. */
const IAM_IGNORED_KEYS = [
    'serviceRoleARN',
    'serviceRolePermissionsBoundary',
    'fargatePodExecutionRoleARN',
    'fargatePodExecutionRolePermissionsBoundary',
    'vpcResourceControllerPolicy',
];
const IAM_KEYS = [
    'withOIDC',
    'serviceAccounts',
    'podIdentityAssociations',
    ...IAM_IGNORED_KEYS,
];
const ADDONS_CONFIG_KEYS = ['autoApplyPodIdentityAssociations', 'disableDefaultAddons'];
const AUTO_MODE_KEYS = ['enabled', 'nodePools', 'nodeRoleARN'];
const NAMESPACE_CONFIG_KEYS = ['namespace'];
/** The Kubernetes ObjectMeta fields a user can meaningfully write. */
const OBJECT_META_KEYS = ['name', 'namespace', 'labels', 'annotations', 'generateName'];
/** Closest known key within a small edit distance, for "did you mean" hints. */
function closest(key, known) {
    let best;
    let bestDist = Infinity;
    const lower = key.toLowerCase();
    for (const k of known) {
        const d = lower === k.toLowerCase() ? 0 : editDistance(lower, k.toLowerCase());
        if (d < bestDist) {
            bestDist = d;
            best = k;
        }
    }
    const limit = Math.max(2, Math.floor(key.length / 4));
    return bestDist <= limit ? best : undefined;
}
function editDistance(a, b) {
    if (Math.abs(a.length - b.length) > 8)
        return Infinity;
    let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
        const cur = [i];
        for (let j = 1; j <= b.length; j++) {
            cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        }
        prev = cur;
    }
    return prev[b.length];
}


/***/ }),

/***/ 1400:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ canonicalJson),
/* harmony export */   w: () => (/* binding */ canonicalize)
/* harmony export */ });
// Canonical JSON: object keys sorted, `undefined` members dropped, no whitespace.
// Shared by the role templates (so a template body is byte-stable) and the plan fingerprint
// (so the same intent always hashes the same, whatever order the keys were built in).
function canonicalize(value) {
    if (Array.isArray(value))
        return value.map((item) => canonicalize(item ?? null));
    if (value !== null && typeof value === 'object') {
        const out = {};
        for (const key of Object.keys(value).sort()) {
            const member = value[key];
            if (member !== undefined)
                out[key] = canonicalize(member);
        }
        return out;
    }
    return value;
}
function canonicalJson(value) {
    return JSON.stringify(canonicalize(value));
}


/***/ }),

/***/ 5605:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   t: () => (/* binding */ AGENT_ADDON)
/* harmony export */ });
// Names of EKS add-ons the product treats specially.
/** The pod identity agent: associations do nothing on a cluster without it (or Auto Mode). */
const AGENT_ADDON = 'eks-pod-identity-agent';


/***/ }),

/***/ 7789:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DV: () => (/* binding */ codeBlock),
/* harmony export */   FV: () => (/* binding */ escapeMarkdown),
/* harmony export */   Lt: () => (/* binding */ fenceFor),
/* harmony export */   jT: () => (/* binding */ codeValue)
/* harmony export */ });
// Escaping of user-controlled strings for GitHub Markdown (PR comments, job summaries). Tag
// values, names and messages come from config files and AWS: they must render as text, never as
// HTML, links, mentions or Markdown structure.
const HTML_ENTITIES = {
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;',
    '"': '&quot;',
    "'": '&#39;',
    '@': '&#64;', // no @mentions
};
/**
 * Text outside code: HTML-escaped, Markdown punctuation backslash-escaped, one line. `-`, `.`, `+`
 * and `!` only make structure at the start of a line or before `[`, which is escaped; `://` is broken
 * so a value cannot become a link.
 */
function escapeMarkdown(text) {
    // One pass, so the `#` of an entity written here is not escaped again.
    return text
        .replace(/[\r\n]+/g, ' ')
        .replace(/[&<>"'@\\`*_{}[\]#|~]|:(?=\/\/)/g, (c) => HTML_ENTITIES[c] ?? `\\${c}`);
}
/** A fenced code block that no line of `body` can close: the fence is longer than any backtick run. */
function codeBlock(body, language = '') {
    const longestRun = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length));
    const fence = '`'.repeat(Math.max(3, longestRun + 1));
    return `${fence}${language}\n${body}\n${fence}`;
}
/** The opening fence `codeBlock` would use for these lines (longer than any backtick run in them). */
function fenceFor(lines) {
    return codeBlock(lines.join('\n')).split('\n')[0];
}
/** A value on one line inside a code block: control characters and line breaks made visible. */
function codeValue(value) {
    if (typeof value === 'string') {
        return /^[\x20-\x7e]*$/.test(value) && value.trim() === value ? value : JSON.stringify(value);
    }
    return JSON.stringify(value) ?? 'null';
}


/***/ }),

/***/ 5104:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   pm: () => (/* binding */ planJsonDocument),
/* harmony export */   uC: () => (/* binding */ renderPlanJson)
/* harmony export */ });
/* unused harmony export renderInvalidConfigJson */
/* harmony import */ var _lib_canonical_json_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1400);
/* harmony import */ var _plan_counts_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2407);
// The plan as versioned JSON (`--output json`), documented in docs/plan-json.md. Field order is
// fixed here; inside tasks keys are sorted, so the same plan always prints the same bytes.


function planJsonDocument(plan) {
    return {
        version: 1,
        summary: (0,_plan_counts_js__WEBPACK_IMPORTED_MODULE_0__/* .countChanges */ .xS)(plan),
        clusters: plan.clusters.map((c) => ({
            cluster: c.cluster,
            region: c.region,
            file: c.file,
            fingerprint: c.fingerprint,
            summary: (0,_plan_counts_js__WEBPACK_IMPORTED_MODULE_0__/* .countClusterChanges */ .$c)(c),
            unchanged: c.unchanged,
            tasks: c.tasks.map((t) => (0,_lib_canonical_json_js__WEBPACK_IMPORTED_MODULE_1__/* .canonicalize */ .w)(t)),
            errors: c.errors.map((p) => (0,_lib_canonical_json_js__WEBPACK_IMPORTED_MODULE_1__/* .canonicalize */ .w)(p)),
            warnings: c.warnings.map((p) => (0,_lib_canonical_json_js__WEBPACK_IMPORTED_MODULE_1__/* .canonicalize */ .w)(p)),
            unmanaged: c.unmanaged.map((u) => (0,_lib_canonical_json_js__WEBPACK_IMPORTED_MODULE_1__/* .canonicalize */ .w)(u)),
            unmanagedAddons: c.unmanagedAddons.map((u) => (0,_lib_canonical_json_js__WEBPACK_IMPORTED_MODULE_1__/* .canonicalize */ .w)(u)),
            notManaged: c.notManaged.map((n) => (0,_lib_canonical_json_js__WEBPACK_IMPORTED_MODULE_1__/* .canonicalize */ .w)(n)),
        })),
    };
}
function renderPlanJson(plan) {
    return `${JSON.stringify(planJsonDocument(plan), null, 2)}\n`;
}
/**
 * What `--output json` prints when the files are invalid and there is no plan: the same envelope
 * with no clusters and the problems, with their positions, so a script never has to parse text.
 */
function renderInvalidConfigJson(problems) {
    const document = {
        version: 1,
        summary: { create: 0, update: 0, delete: 0, adopt: 0, total: 0 },
        clusters: [],
        problems: problems.map((p) => canonicalize(p)),
    };
    return `${JSON.stringify(document, null, 2)}\n`;
}


/***/ }),

/***/ 6349:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $D: () => (/* binding */ renderPlanText),
/* harmony export */   $m: () => (/* binding */ driftLines),
/* harmony export */   J7: () => (/* binding */ countsLine),
/* harmony export */   xm: () => (/* binding */ notManagedLine)
/* harmony export */ });
/* harmony import */ var _plan_counts_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2407);
/* harmony import */ var _lib_log_line_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7324);
/* harmony import */ var _problems_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5394);
/* harmony import */ var _task_lines_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6781);
/* harmony import */ var _task_tree_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8044);
// The plan as plain text for terminals and logs: per cluster its problems, the `+`/`~`/`-` lines,
// what is left alone, eksctl's task tree and the counts; then one closing "Plan:" line.





function countsLine(c) {
    return `${c.create} to create, ${c.update} to update, ${c.delete} to delete, ${c.adopt} to adopt`;
}
/** One line naming the fields the plan did not act on, with their lines in the file. */
function notManagedLine(items) {
    const fields = items.map((n) => `${n.path} (line ${n.line})`).join(', ');
    return `not managed by podid-action: ${fields}`;
}
function renderPlanText(plan) {
    const out = [];
    for (const cluster of plan.clusters) {
        // The file name is anyone's choice (names and regions are validated): one line, whatever it holds.
        out.push(`cluster "${cluster.cluster}" (${cluster.region}) from ${(0,_lib_log_line_js__WEBPACK_IMPORTED_MODULE_0__/* .logLine */ .B)(cluster.file)}`);
        for (const p of [...cluster.errors, ...cluster.warnings])
            out.push(`  ${(0,_problems_js__WEBPACK_IMPORTED_MODULE_1__/* .formatProblem */ .Vw)(p)}`);
        for (const task of cluster.tasks)
            out.push(...(0,_task_lines_js__WEBPACK_IMPORTED_MODULE_2__/* .taskLines */ .z)(task).map((l) => `  ${l}`));
        for (const u of cluster.unmanaged) {
            out.push(`  = ${u.namespace}/${u.serviceAccount} (${u.associationId}): ${u.reason}`);
        }
        for (const u of cluster.unmanagedAddons)
            out.push(`  = addon ${u.addonName}: ${u.reason}`);
        if (cluster.tasks.length > 0)
            out.push((0,_task_tree_js__WEBPACK_IMPORTED_MODULE_3__/* .renderTaskTree */ ._u)(cluster, { planMode: true }).replace(/^\n/, ''));
        // Only a plan that can be applied has a fingerprint worth reviewing.
        const fingerprint = cluster.errors.length === 0 ? `; fingerprint ${cluster.fingerprint}` : '';
        out.push(`  ${countsLine((0,_plan_counts_js__WEBPACK_IMPORTED_MODULE_4__/* .countClusterChanges */ .$c)(cluster))}, ${cluster.unchanged} unchanged${fingerprint}`);
        if (cluster.notManaged.length > 0)
            out.push(`  ${notManagedLine(cluster.notManaged)}`);
        out.push('');
    }
    const errors = (0,_plan_counts_js__WEBPACK_IMPORTED_MODULE_4__/* .planErrorCount */ .d9)(plan);
    out.push(`Plan: ${countsLine((0,_plan_counts_js__WEBPACK_IMPORTED_MODULE_4__/* .countChanges */ .xS)(plan))}${errors > 0 ? `; ${errors} error(s)` : ''}.`);
    return `${out.join('\n')}\n`;
}
/** One line per cluster with changes, for a drift report. */
function driftLines(plan) {
    return plan.clusters
        .filter((c) => c.tasks.length > 0)
        .map((c) => `cluster ${c.cluster} (${c.region}): ${countsLine((0,_plan_counts_js__WEBPACK_IMPORTED_MODULE_4__/* .countClusterChanges */ .$c)(c))}`);
}


/***/ }),

/***/ 5394:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dk: () => (/* binding */ problemItem),
/* harmony export */   GF: () => (/* binding */ summarizeProblems),
/* harmony export */   S6: () => (/* binding */ errorLines),
/* harmony export */   Vw: () => (/* binding */ formatProblem)
/* harmony export */ });
/* harmony import */ var _lib_log_line_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7324);
/* harmony import */ var _escape_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7789);
// Problems (config errors, plan errors and warnings) as text: the `file:line:col: error: message
// (hint)` line editors and CI parse, the count summary, and the Markdown list item.


/** Line 0 marks problems about a whole file or pattern (e.g. "no file matches"). The file name is
 * anyone's choice: kept on one line, so it cannot forge the lines after it. */
const where = (p) => {
    const file = (0,_lib_log_line_js__WEBPACK_IMPORTED_MODULE_0__/* .logLine */ .B)(p.file);
    return p.line > 0 ? `${file}:${p.line}:${p.column}` : file;
};
function formatProblem(p) {
    const hint = p.hint ? ` (${p.hint})` : '';
    return `${where(p)}: ${p.severity}: ${p.message}${hint}`;
}
function summarizeProblems(problems) {
    const errors = problems.filter((p) => p.severity === 'error').length;
    const warnings = problems.length - errors;
    if (problems.length === 0)
        return 'no problems';
    const files = new Set(problems.map((p) => p.file)).size;
    const plural = (n, w) => `${n} ${w}${n === 1 ? '' : 's'}`;
    const parts = [plural(errors, 'error'), plural(warnings, 'warning')];
    return `${parts.join(', ')} in ${plural(files, 'file')}`;
}
/** A Markdown list item; every part is escaped. */
function problemItem(p, style = {}) {
    const icon = style.severityIcon ? `${p.severity === 'error' ? '✖' : '⚠'} ` : '';
    const path = style.withPath && p.path ? ` (${p.path})` : '';
    const hint = p.hint ? ` — hint: ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV)(p.hint)}` : '';
    const at = style.withPath ? `${(0,_lib_log_line_js__WEBPACK_IMPORTED_MODULE_0__/* .logLine */ .B)(p.file)}:${p.line}:${p.column}` : where(p);
    return `- ${icon}${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV)(at + path)}: ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV)(p.message)}${hint}`;
}
/** Errors only, one `formatProblem` line each. */
function errorLines(problems) {
    return problems
        .filter((p) => p.severity === 'error')
        .map(formatProblem)
        .join('\n');
}


/***/ }),

/***/ 6781:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   z: () => (/* binding */ taskLines)
/* harmony export */ });
/* unused harmony export reviewValue */
/* harmony import */ var _escape_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7789);
// The `+` / `~` / `-` lines of one task for the Markdown diff block: the task's description, then
// the reviewed values (role, target role, tags, policy changes) indented under it.

const SIGN = { create: '+', update: '~', adopt: '~', delete: '-' };
const isRef = (v) => v !== null && typeof v === 'object' && 'stackName' in v && 'output' in v;
/** Reviewed values as text: stack outputs read as "(known after apply …)". */
function reviewValue(value) {
    if (isRef(value))
        return `(known after apply: output ${value.output} of stack ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .codeValue */ .jT)(value.stackName)})`;
    if (value === null || value === undefined)
        return '(none)';
    return (0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .codeValue */ .jT)(value);
}
function mapLines(sign, label, map) {
    if (map === null || typeof map !== 'object')
        return [];
    return Object.keys(map)
        .sort()
        .map((k) => `${sign}     ${label} ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .codeValue */ .jT)(k)} = ${reviewValue(map[k])}`);
}
function listDiff(label, before, after) {
    const b = new Set(Array.isArray(before) ? before.map(String) : []);
    const a = new Set(Array.isArray(after) ? after.map(String) : []);
    return [
        ...[...a].filter((x) => !b.has(x)).map((x) => `+     ${label} ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .codeValue */ .jT)(x)}`),
        ...[...b].filter((x) => !a.has(x)).map((x) => `-     ${label} ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .codeValue */ .jT)(x)}`),
    ];
}
/** Only the entries of a map that change (tags, an add-on's associations): new, different, removed. */
function mapDiff(label, before, after, showRemoved = false) {
    const b = (before ?? {});
    const a = (after ?? {});
    const lines = [];
    for (const key of [...new Set([...Object.keys(b), ...Object.keys(a)])].sort()) {
        if (!(key in a)) {
            lines.push(`-     ${label} ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .codeValue */ .jT)(key)}${showRemoved ? ` = ${reviewValue(b[key])}` : ''}`);
        }
        else if (!(key in b))
            lines.push(`+     ${label} ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .codeValue */ .jT)(key)} = ${reviewValue(a[key])}`);
        else if ((0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .codeValue */ .jT)(a[key]) !== (0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .codeValue */ .jT)(b[key])) {
            lines.push(`~     ${label} ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .codeValue */ .jT)(key)}: ${reviewValue(b[key])} -> ${reviewValue(a[key])}`);
        }
    }
    return lines;
}
function fieldLines(task) {
    const before = task.before ?? {};
    const after = task.after ?? {};
    const lines = [];
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    for (const key of keys) {
        if (key === 'podIdentityAssociations' && typeof (after[key] ?? before[key]) === 'object') {
            // An add-on's associations: service account → role, only the ones that change.
            lines.push(...mapDiff('association', before[key], after[key], true));
        }
        else if (key === 'tags') {
            if (task.change === 'update' || task.change === 'adopt') {
                // Tag tasks record the old values of the keys they change or remove: old -> new, +, -.
                lines.push(...mapDiff('tag', before.tags, after.tags));
            }
            else {
                const sign = task.change === 'delete' ? '-' : '+';
                lines.push(...mapLines(sign, 'tag', task.change === 'delete' ? before.tags : after.tags));
            }
        }
        else if (key === 'managedPolicyArns' && task.change !== 'create') {
            lines.push(...listDiff('managed policy', before[key], after[key]));
        }
        else if (key === 'managedPolicyArns' || key === 'wellKnownPolicies') {
            const label = key === 'managedPolicyArns' ? 'managed policy' : 'well-known policy';
            const value = after[key];
            if (Array.isArray(value))
                lines.push(...value.map((v) => `+     ${label} ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .codeValue */ .jT)(v)}`));
        }
        else if (key === 'inlinePolicies') {
            // The documents themselves: what the role may do is what the reviewer must see.
            const was = (before[key] ?? {});
            const now = (after[key] ?? {});
            for (const id of [...new Set([...Object.keys(was), ...Object.keys(now)])].sort()) {
                if (!(id in now))
                    lines.push(`-     inline policy ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .codeValue */ .jT)(id)}`);
                else if (!(id in was))
                    lines.push(`+     inline policy ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .codeValue */ .jT)(id)} = ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .codeValue */ .jT)(now[id])}`);
                else {
                    lines.push(`-     inline policy ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .codeValue */ .jT)(id)} = ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .codeValue */ .jT)(was[id])}`);
                    lines.push(`+     inline policy ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .codeValue */ .jT)(id)} = ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .codeValue */ .jT)(now[id])}`);
                }
            }
        }
        else if (key in before && key in after) {
            lines.push(`~     ${key}: ${reviewValue(before[key])} -> ${reviewValue(after[key])}`);
        }
        else if (key in after) {
            lines.push(`${task.change === 'delete' ? '-' : '+'}     ${key}: ${reviewValue(after[key])}`);
        }
        else {
            lines.push(`-     ${key}: ${reviewValue(before[key])}`);
        }
    }
    return lines;
}
function taskLines(task) {
    return [
        `${SIGN[task.change]} ${task.description}`,
        `#     reason: ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .codeValue */ .jT)(task.reason)}`,
        ...fieldLines(task),
    ];
}


/***/ }),

/***/ 8044:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _u: () => (/* binding */ renderTaskTree)
/* harmony export */ });
/* unused harmony exports describeTaskTree, buildTaskTree */
/* harmony import */ var _names_addons_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5605);
// eksctl's task-tree text (reference §7.4), so logs read like eksctl's: the top level runs the
// agent first, then add-ons and associations in parallel, each one's steps in sequence.

const INDENT = '    ';
/** eksctl's `TaskTree.Describe`: exact spacing, trailing spaces and newlines included. */
function describeTaskTree(tree, opts) {
    if (tree.children.length === 0)
        return 'no tasks';
    const isSubTask = opts.isSubTask ?? false;
    const descriptions = tree.children.map((child) => (typeof child === 'string'
        ? child
        : describeTaskTree(child, { planMode: false, isSubTask: true })).replace(/\n$/, ''));
    const noun = isSubTask ? 'sub-task' : 'task';
    if (descriptions.length === 1)
        return isSubTask ? descriptions[0] : `1 ${noun}: { ${descriptions[0]} }`;
    const mode = tree.parallel ? 'parallel' : 'sequential';
    let text;
    if (isSubTask) {
        text = `\n${INDENT}${descriptions.length} ${mode} ${noun}s: { \n`;
        for (const d of descriptions) {
            const body = d.includes('sub-task')
                ? d
                    .replace(/^\n/, '')
                    .split('\n')
                    .map((line) => INDENT + line)
                    .join('\n')
                : INDENT + INDENT + d;
            text += `${body},\n`;
        }
        text += `${INDENT}}`;
    }
    else {
        text = `\n${descriptions.length} ${mode} ${noun}s: { ${descriptions.join(', ')} \n}`;
    }
    return `${opts.planMode ? '(plan) ' : ''}${text}\n`;
}
function sequence(tasks) {
    return tasks.length === 1
        ? tasks[0].description
        : { parallel: false, children: tasks.map((t) => t.description) };
}
/** Groups a cluster's tasks the way the executor runs them: the agent first, then every add-on and
 * every association side by side, each one's own steps in sequence. */
function buildTaskTree(plan) {
    const agent = `addon:${_names_addons_js__WEBPACK_IMPORTED_MODULE_0__/* .AGENT_ADDON */ .t}`;
    const groups = new Map();
    for (const task of plan.tasks)
        groups.set(task.target, [...(groups.get(task.target) ?? []), task]);
    const agentTasks = groups.get(agent) ?? [];
    groups.delete(agent);
    const rest = { parallel: true, children: [...groups.values()].map(sequence) };
    if (agentTasks.length === 0)
        return rest;
    const steps = [sequence(agentTasks)];
    if (rest.children.length > 0)
        steps.push(rest);
    return { parallel: false, children: steps };
}
function renderTaskTree(plan, opts) {
    return describeTaskTree(buildTaskTree(plan), { planMode: opts.planMode });
}


/***/ })

};
