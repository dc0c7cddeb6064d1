export const id = 216;
export const ids = [216];
export const modules = {

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

/***/ 7216:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Engine: () => (/* binding */ Engine)
});

// EXTERNAL MODULE: ./src/aws/errors.ts
var errors = __webpack_require__(9378);
// EXTERNAL MODULE: ./src/names/tags.ts
var names_tags = __webpack_require__(9311);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-eks/dist-cjs/index.js
var dist_cjs = __webpack_require__(4524);
;// CONCATENATED MODULE: ./src/aws/eks.ts
// Thin EKS adapter: SDK calls in, plain live-state values out.


/** The cluster, or undefined when EKS says it does not exist. */
async function describeCluster(eks, name) {
    try {
        const { cluster } = await eks.send(new dist_cjs/* DescribeClusterCommand */.hV5({ name }));
        return {
            name,
            arn: cluster?.arn ?? '',
            status: cluster?.status ?? 'UNKNOWN',
            version: cluster?.version ?? '',
            autoMode: cluster?.computeConfig?.enabled === true,
            ipFamily: cluster?.kubernetesNetworkConfig?.ipFamily === 'ipv6' ? 'ipv6' : 'ipv4',
            ...(cluster?.endpoint ? { endpoint: cluster.endpoint } : {}),
            ...(cluster?.certificateAuthority?.data
                ? { certificateAuthority: cluster.certificateAuthority.data }
                : {}),
            ...(cluster?.identity?.oidc?.issuer ? { oidcIssuer: cluster.identity.oidc.issuer } : {}),
        };
    }
    catch (error) {
        if ((0,errors/* isAwsError */.m_)(error, 'ResourceNotFoundException'))
            return undefined;
        throw error;
    }
}
/** The clusters of a region, for a "did you mean" when one is missing; undefined if not listable. */
async function listClusterNames(eks) {
    try {
        const names = [];
        for await (const page of (0,dist_cjs/* paginateListClusters */.fm1)({ client: eks }, {})) {
            names.push(...(page.clusters ?? []));
        }
        return names;
    }
    catch {
        return undefined; // e.g. a role without eks:ListClusters: the hint just names fewer clusters
    }
}
async function describeAddon(eks, clusterName, addonName) {
    try {
        const { addon } = await eks.send(new dist_cjs/* DescribeAddonCommand */.BFv({ clusterName, addonName }));
        return addon ? toLiveAddon(addon) : undefined;
    }
    catch (error) {
        if ((0,errors/* isAwsError */.m_)(error, 'ResourceNotFoundException'))
            return undefined;
        throw error;
    }
}
function toLiveAddon(addon) {
    return {
        name: addon.addonName ?? '',
        arn: addon.addonArn ?? '',
        version: addon.addonVersion ?? '',
        status: addon.status ?? 'UNKNOWN',
        serviceAccountRoleArn: addon.serviceAccountRoleArn,
        configurationValues: addon.configurationValues,
        podIdentityAssociations: addon.podIdentityAssociations ?? [],
        tags: addon.tags ?? {},
        ...(addon.namespaceConfig?.namespace ? { namespace: addon.namespaceConfig.namespace } : {}),
        issues: (addon.health?.issues ?? []).map((i) => ({
            code: i.code ?? 'Unknown',
            message: i.message ?? '',
            resourceIds: i.resourceIds ?? [],
        })),
    };
}
/** Every add-on name of the cluster, all pages. */
async function listAddons(eks, clusterName) {
    const names = [];
    for await (const page of (0,dist_cjs/* paginateListAddons */.P4v)({ client: eks, pageSize: 100 }, { clusterName })) {
        names.push(...(page.addons ?? []));
    }
    return names;
}
/** The add-on's versions for a Kubernetes version, all pages; none when EKS has none for it. */
async function describeAddonVersions(eks, addonName, kubernetesVersion) {
    const versions = [];
    let defaultNamespace;
    const pages = (0,dist_cjs/* paginateDescribeAddonVersions */.wr8)({ client: eks, pageSize: 100 }, { addonName, kubernetesVersion });
    for await (const page of pages) {
        for (const addon of page.addons ?? []) {
            if (addon.addonName !== addonName)
                continue;
            defaultNamespace ??= addon.defaultNamespace;
            for (const v of addon.addonVersions ?? []) {
                versions.push({
                    version: v.addonVersion ?? '',
                    isDefault: (v.compatibilities ?? []).some((c) => c.clusterVersion === kubernetesVersion && c.defaultVersion === true),
                    requiresIamPermissions: v.requiresIamPermissions === true,
                });
            }
        }
    }
    return { versions, ...(defaultNamespace ? { defaultNamespace } : {}) };
}
/** `podIdentityConfiguration` of one add-on version: the service accounts that can use pod identity. */
async function describeAddonConfiguration(eks, addonName, addonVersion) {
    const out = await eks.send(new dist_cjs/* DescribeAddonConfigurationCommand */.B22({ addonName, addonVersion }));
    return (out.podIdentityConfiguration ?? []).map((p) => ({
        serviceAccount: p.serviceAccount ?? '',
        recommendedManagedPolicies: p.recommendedManagedPolicies ?? [],
    }));
}
/**
 * Every association summary, all pages. `onPage` sees each page as it arrives, so callers can
 * start describing the first hundred while the next page is still on its way.
 */
async function listAssociations(eks, clusterName, filter = {}, onPage) {
    const summaries = [];
    const pages = (0,dist_cjs/* paginateListPodIdentityAssociations */.Hxv)({ client: eks, pageSize: 100 }, { clusterName, ...filter });
    for await (const page of pages) {
        const items = page.associations ?? [];
        summaries.push(...items);
        onPage?.(items);
    }
    return summaries;
}
async function describeAssociation(eks, clusterName, associationId) {
    try {
        const { association } = await eks.send(new dist_cjs/* DescribePodIdentityAssociationCommand */.$tu({ clusterName, associationId }));
        return association ? toLiveAssociation(association) : undefined;
    }
    catch (error) {
        // Deleted between List and Describe: it is simply gone.
        if ((0,errors/* isAwsError */.m_)(error, 'ResourceNotFoundException'))
            return undefined;
        throw error;
    }
}
function toLiveAssociation(a) {
    return {
        associationId: a.associationId ?? '',
        associationArn: a.associationArn ?? '',
        namespace: a.namespace ?? '',
        serviceAccount: a.serviceAccount ?? '',
        roleArn: a.roleArn ?? '',
        targetRoleArn: a.targetRoleArn || undefined,
        externalId: a.externalId || undefined,
        disableSessionTags: a.disableSessionTags,
        policy: a.policy || undefined,
        ownerArn: a.ownerArn || undefined,
        tags: a.tags ?? {},
    };
}
async function createAssociation(eks, input) {
    const { association } = await eks.send(new dist_cjs/* CreatePodIdentityAssociationCommand */.FHt({
        clusterName: input.clusterName,
        namespace: input.namespace,
        serviceAccount: input.serviceAccount,
        roleArn: input.roleArn,
        // eksctl sends these only when set; an unset pointer is not the same as false.
        targetRoleArn: input.targetRoleArn || undefined,
        disableSessionTags: input.disableSessionTags,
        policy: input.policy,
        tags: Object.keys(input.tags).length > 0 ? input.tags : undefined,
    }));
    return toLiveAssociation(association ?? {});
}
async function updateAssociation(eks, input) {
    const { association } = await eks.send(new dist_cjs/* UpdatePodIdentityAssociationCommand */.Tr6(input));
    return toLiveAssociation(association ?? {});
}
/** Deletes the association; true when it existed. */
async function deleteAssociation(eks, clusterName, associationId) {
    try {
        await eks.send(new dist_cjs/* DeletePodIdentityAssociationCommand */.FT2({ clusterName, associationId }));
        return true;
    }
    catch (error) {
        if ((0,errors/* isAwsError */.m_)(error, 'ResourceNotFoundException'))
            return false;
        throw error;
    }
}
async function tagResource(eks, resourceArn, tagsToAdd, tagKeysToRemove) {
    if (tagKeysToRemove.length > 0) {
        await eks.send(new dist_cjs/* UntagResourceCommand */.RP$({ resourceArn, tagKeys: tagKeysToRemove }));
    }
    if (Object.keys(tagsToAdd).length > 0) {
        await eks.send(new dist_cjs/* TagResourceCommand */.eqU({ resourceArn, tags: tagsToAdd }));
    }
}
async function createAddon(eks, input) {
    await eks.send(new dist_cjs/* CreateAddonCommand */.Kdw({
        ...input,
        resolveConflicts: input.resolveConflicts?.toUpperCase(),
        tags: Object.keys(input.tags).length > 0 ? input.tags : undefined,
    }));
}
async function updateAddon(eks, input) {
    // The namespace of an add-on is fixed at creation.
    const { namespaceConfig: _namespace, ...update } = input;
    await eks.send(new dist_cjs/* UpdateAddonCommand */.dvf({
        ...update,
        resolveConflicts: input.resolveConflicts?.toUpperCase(),
    }));
}
/** Starts deleting the add-on; false when it was already gone. */
async function deleteAddon(eks, clusterName, addonName, preserve) {
    try {
        await eks.send(new dist_cjs/* DeleteAddonCommand */.VO5({ clusterName, addonName, preserve }));
        return true;
    }
    catch (error) {
        if ((0,errors/* isAwsError */.m_)(error, 'ResourceNotFoundException'))
            return false;
        throw error;
    }
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-cloudformation/dist-cjs/index.js
var client_cloudformation_dist_cjs = __webpack_require__(3805);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/aws/cloudformation.ts
// Thin CloudFormation adapter for eksctl role stacks.



function toLiveStack(stack) {
    return {
        stackName: stack.StackName ?? '',
        stackId: stack.StackId ?? '',
        status: stack.StackStatus ?? 'UNKNOWN',
        statusReason: stack.StackStatusReason,
        tags: Object.fromEntries((stack.Tags ?? []).map((t) => [t.Key ?? '', t.Value ?? ''])),
        capabilities: stack.Capabilities ?? [],
        outputs: Object.fromEntries((stack.Outputs ?? []).map((o) => [o.OutputKey ?? '', o.OutputValue ?? ''])),
        terminationProtection: stack.EnableTerminationProtection === true,
    };
}
/** Every live stack of the region (DescribeStacks without a name never lists deleted stacks). */
async function describeAllStacks(cfn) {
    const stacks = [];
    for await (const page of (0,client_cloudformation_dist_cjs/* paginateDescribeStacks */.GAO)({ client: cfn }, {})) {
        for (const s of page.Stacks ?? [])
            stacks.push(toLiveStack(s));
    }
    return stacks;
}
/** One stack by name or id; undefined when CloudFormation says it does not exist. */
async function describeStack(cfn, stackName) {
    try {
        const { Stacks } = await cfn.send(new client_cloudformation_dist_cjs/* DescribeStacksCommand */.Y47({ StackName: stackName }));
        const stack = Stacks?.[0];
        return stack ? toLiveStack(stack) : undefined;
    }
    catch (error) {
        if (isStackMissing(error))
            return undefined;
        throw error;
    }
}
/** CloudFormation reports a missing stack as a ValidationError "Stack with id X does not exist". */
function isStackMissing(error) {
    return (0,errors/* isAwsError */.m_)(error, 'ValidationError') && /does not exist/.test(error.message);
}
/**
 * Why CloudFormation refused a stack operation because someone else is changing the same stack at
 * the same time, or undefined for any other error. The signals (aws-api.md, CloudFormation):
 * ChangeSetNotFound for a change set we created (executing a change set deletes the stack's
 * others), "Stack:… is in UPDATE_IN_PROGRESS state and can not be updated." from CreateChangeSet or
 * ExecuteChangeSet, "cannot be deleted while in status …_IN_PROGRESS" from DeleteStack, and a
 * change set that became OBSOLETE because the stack moved on.
 */
function concurrentChange(error) {
    if ((0,errors/* isAwsError */.m_)(error, 'ChangeSetNotFoundException', 'ChangeSetNotFound')) {
        return 'our change set was deleted, as CloudFormation does when another change set of the stack is executed';
    }
    if ((0,errors/* isAwsError */.m_)(error, 'ValidationError')) {
        const busy = /is in (\w+_IN_PROGRESS) state and can not be updated/.exec(error.message) ??
            /cannot be deleted while in status (\w+_IN_PROGRESS)/.exec(error.message);
        if (busy)
            return `CloudFormation says the stack is ${busy[1]}`;
    }
    if ((0,errors/* isAwsError */.m_)(error, 'InvalidChangeSetStatusException', 'InvalidChangeSetStatus') &&
        /OBSOLETE/.test(error.message)) {
        return 'our change set became obsolete: the stack changed after it was made';
    }
    return undefined;
}
async function getTemplate(cfn, stackName) {
    const { TemplateBody } = await cfn.send(new client_cloudformation_dist_cjs/* GetTemplateCommand */._JK({ StackName: stackName, TemplateStage: 'Original' }));
    if (!TemplateBody)
        return undefined;
    try {
        return JSON.parse(TemplateBody);
    }
    catch {
        // Hand-written stacks may be YAML; short-form intrinsics are kept as plain values.
        return (0,dist/* parse */.qg)(TemplateBody, { customTags: [], logLevel: 'silent' });
    }
}
function toTags(tags) {
    return Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
}
async function createStack(cfn, input) {
    const { StackId } = await cfn.send(new client_cloudformation_dist_cjs/* CreateStackCommand */.O_S({
        StackName: input.stackName,
        TemplateBody: input.templateBody,
        Capabilities: input.capabilities,
        Tags: toTags(input.tags),
        // As eksctl: role stacks are protected against accidental deletion.
        EnableTerminationProtection: true,
    }));
    return StackId ?? input.stackName;
}
async function setTerminationProtection(cfn, stackName, enabled) {
    await cfn.send(new client_cloudformation_dist_cjs/* UpdateTerminationProtectionCommand */.mP2({
        StackName: stackName,
        EnableTerminationProtection: enabled,
    }));
}
/** Starts deleting a stack; false when it was already gone. */
async function deleteStack(cfn, stackId) {
    try {
        await cfn.send(new client_cloudformation_dist_cjs/* DeleteStackCommand */.fAr({ StackName: stackId }));
        return true;
    }
    catch (error) {
        if (isStackMissing(error))
            return false;
        throw error;
    }
}
async function createChangeSet(cfn, input) {
    const { Id } = await cfn.send(new client_cloudformation_dist_cjs/* CreateChangeSetCommand */.YDU({
        StackName: input.stackName,
        ChangeSetName: input.changeSetName,
        ChangeSetType: 'UPDATE',
        TemplateBody: input.templateBody,
        Capabilities: input.capabilities,
        Tags: toTags(input.tags),
        Description: input.description,
    }));
    return Id ?? input.changeSetName;
}
async function describeChangeSet(cfn, stackName, changeSetId) {
    const out = await cfn.send(new client_cloudformation_dist_cjs/* DescribeChangeSetCommand */.TTT({ StackName: stackName, ChangeSetName: changeSetId }));
    return { status: out.Status ?? 'UNKNOWN', reason: out.StatusReason };
}
async function executeChangeSet(cfn, stackName, changeSetId) {
    await cfn.send(new client_cloudformation_dist_cjs/* ExecuteChangeSetCommand */.PB_({ StackName: stackName, ChangeSetName: changeSetId }));
}
async function deleteChangeSet(cfn, stackName, changeSetId) {
    await cfn.send(new client_cloudformation_dist_cjs/* DeleteChangeSetCommand */.$GE({ StackName: stackName, ChangeSetName: changeSetId }));
}

;// CONCATENATED MODULE: ./src/aws/progress.ts
// Progress while waiting: a long wait (a stack, an add-on, IAM propagation) prints one line about
// every 15 s with what is awaited, its status and the time so far, so a minute of CloudFormation is
// never a minute of silence. PODID_PROGRESS_SECONDS changes the 15 s (a quieter or chattier log).
const PROGRESS_ENV = 'PODID_PROGRESS_SECONDS';
const DEFAULT_SECONDS = 15;
/** The interval, from PODID_PROGRESS_SECONDS when set. A bad value is an error, not ignored. */
function progressEveryMs(env = process.env) {
    const raw = env[PROGRESS_ENV];
    if (raw === undefined || raw.trim() === '')
        return DEFAULT_SECONDS * 1000;
    const seconds = Number(raw);
    if (!Number.isInteger(seconds) || seconds < 1 || seconds > 3600) {
        throw new Error(`${PROGRESS_ENV} must be a whole number of seconds from 1 to 3600 (default ${DEFAULT_SECONDS}); got "${raw}"`);
    }
    return seconds * 1000;
}
/** Says, each time it is asked, whether a progress line is due, and how long the wait has lasted. */
class ProgressClock {
    everyMs;
    now;
    started;
    last;
    constructor(everyMs, now = Date.now) {
        this.everyMs = everyMs;
        this.now = now;
        this.started = now();
        this.last = this.started;
    }
    /** True at most once per interval. */
    due() {
        if (this.now() - this.last < this.everyMs)
            return false;
        this.last = this.now();
        return true;
    }
    /** "15 s", "1 min 5 s": the time since the wait began. */
    elapsed() {
        const seconds = Math.round((this.now() - this.started) / 1000);
        return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
    }
}

// EXTERNAL MODULE: ./src/aws/retry.ts
var retry = __webpack_require__(2495);
;// CONCATENATED MODULE: ./src/apply/retry.ts
// The executor's retry policies: transient AWS errors, and IAM's propagation delay.



/**
 * EKS answers these for a role created moments ago, or whose trust policy was just migrated, until
 * IAM has propagated the change (the plan has already checked both).
 */
function isRolePropagationError(error) {
    return ((0,errors/* isAwsError */.m_)(error, 'InvalidParameterException') &&
        /Role provided in the request does not exist|Trust policy of the role provided is invalid/i.test(error.message));
}
const transientRetry = {
    attempts: 6,
    baseMs: 500,
    maxMs: 8000,
    isRetryable: errors/* isTransient */.dg,
};
/** IAM propagation usually takes seconds; allow about a minute in all. */
const propagationRetry = {
    attempts: 12,
    baseMs: 1000,
    maxMs: 8000,
    isRetryable: (e) => isRolePropagationError(e) || (0,errors/* isTransient */.dg)(e),
};
/**
 * The propagation retry of one call, with a progress line about every interval while EKS does not
 * see the role yet (IAM propagation takes seconds, sometimes a minute).
 */
function propagationRetryFor(ctx, role) {
    const clock = new ProgressClock(progressEveryMs());
    return {
        ...propagationRetry,
        sleep: ctx.sleep,
        onRetry: (error) => {
            if (isRolePropagationError(error) && clock.due()) {
                ctx.log(`waiting for IAM role ${role} to propagate to EKS (status: not visible to EKS yet, ${clock.elapsed()} so far)`);
            }
        },
    };
}

;// CONCATENATED MODULE: ./src/apply/context.ts
// What every task needs while it runs: the region's clients and stack watcher, the stack outputs
// produced so far, and the retry that wraps each AWS call.


/** One AWS call, retried on throttling and transient faults. */
const context_retry = (ctx, fn) => (0,retry/* withRetry */.b)(fn, { ...transientRetry, sleep: ctx.sleep });
/** A role ARN, or the output of a stack created or updated earlier (in this run or a killed one). */
async function resolveRole(role, ctx) {
    if (typeof role === 'string')
        return role;
    let outputs = ctx.outputs.get(role.stackName);
    if (!outputs) {
        // The stack predates this run (e.g. created by a run that was killed): read its outputs.
        const stack = await context_retry(ctx, () => describeStack(ctx.clients.cloudformation, role.stackName));
        outputs = stack?.outputs ?? {};
        ctx.outputs.set(role.stackName, outputs);
    }
    const value = outputs[role.output];
    if (!value)
        throw new Error(`stack "${role.stackName}" has no output "${role.output}"`);
    return value;
}

;// CONCATENATED MODULE: ./src/apply/addon-tasks.ts
// Add-on tasks: create (an add-on already present is success), update, delete, tag. Each waits for
// the add-on to settle through the shared add-on watcher, which reports a failed add-on with its
// health issues and prints progress while it waits.




const target = (p) => ({
    clusterName: p.clusterName,
    addonName: p.addonName,
});
/** The associations as the add-on API takes them, with stack outputs resolved to role ARNs. */
async function resolvedAssociations(associations, ctx) {
    if (!associations)
        return undefined;
    return Promise.all(associations.map(async (a) => ({
        serviceAccount: a.serviceAccount,
        roleArn: await resolveRole(a.roleArn, ctx),
    })));
}
/** eksctl's words for a refused add-on call (create.go, update.go, delete.go); waits keep their own. */
async function saying(prefix, fn) {
    try {
        return await fn();
    }
    catch (error) {
        throw new Error(`${prefix}: ${(0,errors/* errorMessage */.gJ)(error)}`, { cause: error });
    }
}
/** A role made moments ago may not be visible to EKS yet: retried like association calls. */
const withRoles = (ctx, fn) => (0,retry/* withRetry */.b)(fn, propagationRetryFor(ctx, 'of the addon'));
/** A create refused because a service account it names is associated elsewhere (eksctl's text). */
function inUse(p, error) {
    const accounts = (p.podIdentityAssociations ?? []).map((a) => `"${a.serviceAccount}"`);
    if (accounts.length === 0)
        return `failed to create "${p.addonName}" addon: ${(0,errors/* errorMessage */.gJ)(error)}`;
    return `creating addon: one or more service accounts corresponding to "${p.addonName}" addon is already associated with a different IAM role; please delete all pre-existing pod identity associations corresponding to ${accounts.join(',')} service account(s) in the addon's namespace, then re-try creating the addon (${(0,errors/* errorMessage */.gJ)(error)})`;
}
async function addon_tasks_createAddon(p, ctx) {
    const podIdentityAssociations = await resolvedAssociations(p.podIdentityAssociations, ctx);
    let created = true;
    try {
        ctx.log(`creating addon: ${p.addonName}`);
        await withRoles(ctx, () => createAddon(ctx.clients.eks, { ...p, podIdentityAssociations }));
    }
    catch (error) {
        const failed = `failed to create "${p.addonName}" addon: ${(0,errors/* errorMessage */.gJ)(error)}`;
        if (!(0,errors/* isAwsError */.m_)(error, 'ResourceInUseException'))
            throw new Error(failed, { cause: error });
        // A retried create whose first attempt went through (or a kill after it): the add-on is there.
        const live = await context_retry(ctx, () => describeAddon(ctx.clients.eks, p.clusterName, p.addonName));
        if (!live)
            throw new Error(inUse(p, error), { cause: error });
        ctx.log(`"${p.addonName}" addon is already present on the cluster`);
        created = false;
    }
    await ctx.addonWatcher.wait(target(p), 'active', ctx.log);
    ctx.log(`addon "${p.addonName}" active`);
    return { changed: created, detail: p.addonVersion };
}
async function addon_tasks_updateAddon(p, ctx) {
    const podIdentityAssociations = await resolvedAssociations(p.podIdentityAssociations, ctx);
    ctx.log(`updating addon ${p.addonName}`);
    await saying(`failed to update addon "${p.addonName}"`, () => withRoles(ctx, () => updateAddon(ctx.clients.eks, { ...p, podIdentityAssociations })));
    await ctx.addonWatcher.wait(target(p), 'active', ctx.log);
    ctx.log(`addon "${p.addonName}" active`);
    return { changed: true, detail: p.addonVersion };
}
async function addon_tasks_deleteAddon(p, ctx) {
    ctx.log(`deleting addon: ${p.addonName}`);
    const existed = await saying(`failed to delete addon "${p.addonName}"`, () => context_retry(ctx, () => deleteAddon(ctx.clients.eks, p.clusterName, p.addonName, p.preserve)));
    await ctx.addonWatcher.wait(target(p), 'deleted', ctx.log);
    return { changed: existed, detail: existed ? undefined : 'already gone' };
}
async function tagAddon(p, ctx) {
    await context_retry(ctx, () => tagResource(ctx.clients.eks, p.addonArn, p.tagsToAdd, p.tagKeysToRemove));
    return { changed: true };
}

;// CONCATENATED MODULE: ./src/apply/association-tasks.ts
// Association tasks: create (an existing one that is the same is success), update, delete, tag.




async function association_tasks_createAssociation(p, ctx) {
    const roleArn = await resolveRole(p.roleArn, ctx);
    try {
        const created = await (0,retry/* withRetry */.b)(() => createAssociation(ctx.clients.eks, { ...p, roleArn }), propagationRetryFor(ctx, `"${roleArn}"`));
        return { changed: true, detail: created.associationId };
    }
    catch (error) {
        if (!(0,errors/* isAwsError */.m_)(error, 'ResourceInUseException'))
            throw error;
        // Already there: fine when it is the association we meant (an earlier attempt went through).
        const [existing] = await context_retry(ctx, () => listAssociations(ctx.clients.eks, p.clusterName, {
            namespace: p.namespace,
            serviceAccount: p.serviceAccount,
        }));
        const live = existing?.associationId
            ? await context_retry(ctx, () => describeAssociation(ctx.clients.eks, p.clusterName, existing.associationId))
            : undefined;
        if (live && live.roleArn === roleArn && !live.ownerArn) {
            return { changed: false, detail: `already exists as ${live.associationId}` };
        }
        throw error;
    }
}
async function association_tasks_updateAssociation(p, ctx) {
    const roleArn = await resolveRole(p.roleArn, ctx);
    await (0,retry/* withRetry */.b)(() => updateAssociation(ctx.clients.eks, {
        clusterName: p.clusterName,
        associationId: p.associationId,
        roleArn,
        targetRoleArn: p.targetRoleArn,
        disableSessionTags: p.disableSessionTags,
        policy: p.policy,
    }), propagationRetryFor(ctx, `"${roleArn}"`));
    return { changed: true, detail: `role ${roleArn}` };
}
async function association_tasks_deleteAssociation(p, ctx) {
    const existed = await context_retry(ctx, () => deleteAssociation(ctx.clients.eks, p.clusterName, p.associationId));
    return { changed: existed, detail: existed ? undefined : 'already gone' };
}
async function tagAssociation(p, ctx) {
    await context_retry(ctx, () => tagResource(ctx.clients.eks, p.associationArn, p.tagsToAdd, p.tagKeysToRemove));
    return { changed: true };
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-iam/dist-cjs/index.js
var client_iam_dist_cjs = __webpack_require__(6764);
;// CONCATENATED MODULE: ./src/aws/iam.ts
// Thin IAM adapter: the roles named by roleARN and the managed policies new roles attach, each read
// once per run, and the trust-policy update of a migrated IRSA role.


/** The role, or null when IAM answers NoSuchEntity. */
async function getRole(iam, roleName) {
    try {
        const { Role } = await iam.send(new client_iam_dist_cjs/* GetRoleCommand */.kbp({ RoleName: roleName }));
        if (!Role)
            return null;
        return {
            arn: Role.Arn ?? '',
            roleName: Role.RoleName ?? roleName,
            // IAM returns policy documents URL-encoded.
            assumeRolePolicy: decodePolicy(Role.AssumeRolePolicyDocument),
        };
    }
    catch (error) {
        if ((0,errors/* isAwsError */.m_)(error, 'NoSuchEntityException', 'NoSuchEntity'))
            return null;
        throw error;
    }
}
/** GetOpenIDConnectProvider: whether IAM has this OIDC provider (false on NoSuchEntity). */
async function oidcProviderExists(iam, arn) {
    try {
        await iam.send(new client_iam_dist_cjs/* GetOpenIDConnectProviderCommand */.cCT({ OpenIDConnectProviderArn: arn }));
        return true;
    }
    catch (error) {
        if ((0,errors/* isAwsError */.m_)(error, 'NoSuchEntityException', 'NoSuchEntity'))
            return false;
        throw error;
    }
}
/** GetPolicy: attachable or not, or `missing` when IAM answers NoSuchEntity. */
async function getPolicyStatus(iam, arn) {
    try {
        const { Policy } = await iam.send(new client_iam_dist_cjs/* GetPolicyCommand */.s4W({ PolicyArn: arn }));
        if (!Policy)
            return 'missing';
        return Policy.IsAttachable === false ? 'not-attachable' : 'attachable';
    }
    catch (error) {
        if ((0,errors/* isAwsError */.m_)(error, 'NoSuchEntityException', 'NoSuchEntity'))
            return 'missing';
        throw error;
    }
}
/** Every policy ARN of a scope (`AWS`: AWS managed; `Local`: the account's own), all pages. */
async function listPolicyArns(iam, scope) {
    const arns = [];
    for await (const page of (0,client_iam_dist_cjs/* paginateListPolicies */.ebv)({ client: iam }, { Scope: scope, MaxItems: 1000 })) {
        for (const p of page.Policies ?? [])
            if (p.Arn)
                arns.push(p.Arn);
    }
    return arns;
}
function decodePolicy(document) {
    if (!document)
        return {};
    try {
        return JSON.parse(decodeURIComponent(document));
    }
    catch {
        return JSON.parse(document);
    }
}
/** `arn:aws:iam::123456789012:role/path/name` → `name` (GetRole takes the name without path). */
function roleNameFromArn(arn) {
    const resource = arn.split(':').slice(5).join(':');
    return (resource
        .replace(/^role\//, '')
        .split('/')
        .pop() ?? resource);
}
function accountFromArn(arn) {
    return arn.split(':')[4] ?? '';
}
/** Replaces a role's trust policy (an unowned IRSA role's migration). */
async function updateAssumeRolePolicy(iam, roleName, policyDocument) {
    await iam.send(new client_iam_dist_cjs/* UpdateAssumeRolePolicyCommand */.tuH({ RoleName: roleName, PolicyDocument: policyDocument }));
}

;// CONCATENATED MODULE: ./src/kube/errors.ts
// What a Kubernetes call's failure was, told by the API server's own `Status` (reason, message,
// code) or by the network, never as the client library's stack trace or raw response dump.
/** The API server answered with a failure `Status` (403 Forbidden, 404 NotFound, 409 Conflict…). */
class KubernetesApiError extends Error {
    status;
    reason;
    serverMessage;
    constructor(status, reason, serverMessage) {
        super(serverMessage ? `${serverMessage} (${reason}, HTTP ${status})` : `${reason} (HTTP ${status})`);
        this.status = status;
        this.reason = reason;
        this.serverMessage = serverMessage;
        this.name = 'KubernetesApiError';
    }
}
/** No answer at all: a private endpoint, a firewall, DNS, or a certificate that does not verify. */
class KubernetesUnreachableError extends Error {
    endpoint;
    cause;
    constructor(endpoint, cause) {
        super(`cannot reach the Kubernetes API at ${endpoint}: ${cause}`);
        this.endpoint = endpoint;
        this.cause = cause;
        this.name = 'KubernetesUnreachableError';
    }
}
const REASON_BY_STATUS = {
    400: 'BadRequest',
    401: 'Unauthorized',
    403: 'Forbidden',
    404: 'NotFound',
    409: 'Conflict',
    415: 'UnsupportedMediaType',
    422: 'Invalid',
    429: 'TooManyRequests',
    500: 'InternalError',
    503: 'ServiceUnavailable',
    504: 'Timeout',
};
/** A `Status` body, whether the client parsed it or left it as text. */
function statusOf(body) {
    let value = body;
    if (typeof body === 'string') {
        try {
            value = JSON.parse(body);
        }
        catch {
            return body.trim() ? { message: body.trim() } : {};
        }
    }
    if (value === null || typeof value !== 'object')
        return {};
    const { reason, message } = value;
    return {
        ...(typeof reason === 'string' && reason ? { reason } : {}),
        ...(typeof message === 'string' && message ? { message } : {}),
    };
}
const NETWORK_CODES = new Set([
    'ECONNREFUSED',
    'ECONNRESET',
    'ETIMEDOUT',
    'EHOSTUNREACH',
    'ENETUNREACH',
    'ENOTFOUND',
    'EAI_AGAIN',
    'EPIPE',
]);
function networkCause(error) {
    for (let e = error, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
        const { code, errno, message } = e;
        const named = typeof code === 'string' ? code : typeof errno === 'string' ? errno : undefined;
        if (named && (NETWORK_CODES.has(named) || /CERT|TLS|SSL|SELF_SIGNED|VERIFY/.test(named))) {
            return typeof message === 'string' && message ? `${named}: ${message}` : named;
        }
        e = e.cause;
    }
    return undefined;
}
/** The client library's error (ApiException, FetchError…) as one of ours. */
function kubernetesError(error, endpoint) {
    if (error instanceof KubernetesApiError || error instanceof KubernetesUnreachableError)
        return error;
    const code = error?.code;
    if (typeof code === 'number' && code >= 400) {
        const status = statusOf(error.body);
        return new KubernetesApiError(code, status.reason ?? REASON_BY_STATUS[code] ?? 'Unknown', 
        // The client drops some bodies (a 401's): then the status says it all.
        status.message);
    }
    const cause = networkCause(error);
    if (cause)
        return new KubernetesUnreachableError(endpoint, cause);
    return error instanceof Error ? error : new Error(String(error));
}
/** Worth another attempt: throttled, a server fault, or a connection that broke. */
function isTransientKubernetesError(error) {
    if (error instanceof KubernetesApiError)
        return [429, 500, 502, 503, 504].includes(error.status);
    return error instanceof KubernetesUnreachableError && /ECONNRESET|EPIPE/.test(error.cause);
}
const isKubernetesStatus = (error, status) => error instanceof KubernetesApiError && error.status === status;

;// CONCATENATED MODULE: ./src/kube/service-accounts.ts
// Thin Kubernetes adapter: namespaces, service accounts and access reviews through the official
// client, in and out as plain live-state values. "Already there" and "already gone" are answers,
// not errors, so every task built on these is idempotent.

/** Kubernetes' own default page size for kubectl; every page is read. */
const PAGE_SIZE = 500;
function toLive(sa, namespace) {
    return {
        namespace: sa.metadata?.namespace ?? namespace,
        name: sa.metadata?.name ?? '',
        labels: { ...(sa.metadata?.labels ?? {}) },
        annotations: { ...(sa.metadata?.annotations ?? {}) },
    };
}
async function namespaceExists(session, name) {
    try {
        await session.call(({ core, options }) => core.readNamespace({ name }, options));
        return true;
    }
    catch (error) {
        if (isKubernetesStatus(error, 404))
            return false;
        throw error;
    }
}
async function listServiceAccounts(session, namespace) {
    const all = [];
    let next;
    do {
        const page = await session.call(({ core, options }) => core.listNamespacedServiceAccount({ namespace, limit: PAGE_SIZE, ...(next ? { _continue: next } : {}) }, options));
        all.push(...page.items.map((sa) => toLive(sa, namespace)));
        next = page.metadata?._continue || undefined;
    } while (next);
    return all;
}
/** Every service account of every namespace, all pages, in the API server's order. */
async function listAllServiceAccounts(session) {
    const all = [];
    let next;
    do {
        const page = await session.call(({ core, options }) => core.listServiceAccountForAllNamespaces({ limit: PAGE_SIZE, ...(next ? { _continue: next } : {}) }, options));
        all.push(...page.items.map((sa) => toLive(sa, '')));
        next = page.metadata?._continue || undefined;
    } while (next);
    return all;
}
async function readServiceAccount(session, namespace, name) {
    try {
        const sa = await session.call(({ core, options }) => core.readNamespacedServiceAccount({ name, namespace }, options));
        return toLive(sa, namespace);
    }
    catch (error) {
        if (isKubernetesStatus(error, 404))
            return undefined;
        throw error;
    }
}
/** Creates the namespace; false when it already exists. */
async function createNamespace(session, name) {
    try {
        await session.call(({ core, options }) => core.createNamespace({ body: { apiVersion: 'v1', kind: 'Namespace', metadata: { name } } }, options));
        return true;
    }
    catch (error) {
        if (isKubernetesStatus(error, 409))
            return false;
        throw error;
    }
}
/** Creates the service account with these labels; false when one of that name already exists. */
async function createServiceAccount(session, namespace, name, labels) {
    try {
        await session.call(({ core, options }) => core.createNamespacedServiceAccount({
            namespace,
            body: { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, namespace, labels } },
        }, options));
        return true;
    }
    catch (error) {
        if (isKubernetesStatus(error, 409))
            return false;
        throw error;
    }
}
/** Adds or sets these labels, leaving the others (a JSON merge patch). */
async function mergeServiceAccountLabels(session, namespace, name, labels) {
    await session.call(({ core, library, options }) => core.patchNamespacedServiceAccount({ name, namespace, body: { metadata: { labels } } }, library.setHeaderOptions('Content-Type', library.PatchStrategy.MergePatch, options)));
}
/** Deletes the service account; false when it was already gone. */
async function deleteServiceAccount(session, namespace, name) {
    try {
        await session.call(({ core, options }) => core.deleteNamespacedServiceAccount({ name, namespace }, options));
        return true;
    }
    catch (error) {
        if (isKubernetesStatus(error, 404))
            return false;
        throw error;
    }
}
/** Whether the session's own identity may do this (SelfSubjectAccessReview, open to every user). */
async function canI(session, want) {
    const review = await session.call(({ authorization, options }) => authorization.createSelfSubjectAccessReview({
        body: {
            apiVersion: 'authorization.k8s.io/v1',
            kind: 'SelfSubjectAccessReview',
            spec: {
                resourceAttributes: {
                    verb: want.verb,
                    group: '',
                    resource: want.resource,
                    ...(want.namespace ? { namespace: want.namespace } : {}),
                },
            },
        },
    }, options));
    const allowed = review.status?.allowed === true && review.status?.denied !== true;
    return {
        ...want,
        allowed,
        ...(review.status?.reason ? { reason: review.status.reason } : {}),
    };
}
/**
 * Removes one annotation (a JSON merge patch with null); false when the service account or the
 * annotation is already gone.
 */
async function removeServiceAccountAnnotation(session, namespace, name, annotation) {
    const current = await readServiceAccount(session, namespace, name);
    if (!current || !(annotation in current.annotations))
        return false;
    await session.call(({ core, library, options }) => core.patchNamespacedServiceAccount({ name, namespace, body: { metadata: { annotations: { [annotation]: null } } } }, library.setHeaderOptions('Content-Type', library.PatchStrategy.MergePatch, options)));
    return true;
}

// EXTERNAL MODULE: ./src/names/kubernetes.ts
var kubernetes = __webpack_require__(7582);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/aws/stack-events.ts
// Why a stack failed, from its events (DescribeStackEvents), as eksctl troubleshoots a failed stack:
// the stack's own reason is only an echo ("The following resource(s) failed to create: [Role1].
// Rollback requested by user."); the failing resource's event says what IAM refused.

const STACK_TYPE = 'AWS::CloudFormation::Stack';
/** The stack statuses an operation starts with (rollbacks belong to the operation they undo). */
const OPERATION_START = new Set([
    'CREATE_IN_PROGRESS',
    'UPDATE_IN_PROGRESS',
    'DELETE_IN_PROGRESS',
    'IMPORT_IN_PROGRESS',
]);
/** A role stack's last operation fits in one page; a few more cover a long history of updates. */
const MAX_PAGES = 5;
/** The events of the stack's last operation (create, update or delete), oldest first. */
async function lastOperationEvents(cfn, stackId) {
    const newestFirst = [];
    let pages = 0;
    for await (const page of (0,client_cloudformation_dist_cjs/* paginateDescribeStackEvents */.A_l)({ client: cfn }, { StackName: stackId })) {
        for (const e of page.StackEvents ?? []) {
            const event = {
                logicalId: e.LogicalResourceId ?? '',
                resourceType: e.ResourceType ?? '',
                status: e.ResourceStatus ?? '',
                ...(e.ResourceStatusReason ? { reason: e.ResourceStatusReason } : {}),
            };
            newestFirst.push(event);
            if (event.resourceType === STACK_TYPE && OPERATION_START.has(event.status)) {
                return newestFirst.reverse();
            }
        }
        if (++pages >= MAX_PAGES)
            break;
    }
    return newestFirst.reverse();
}
/**
 * The root cause: the first resource of the operation that failed. Resources CloudFormation gave
 * up on because another one failed say only "Resource creation cancelled".
 */
function firstFailedResource(events) {
    const failed = events.filter((e) => e.resourceType !== STACK_TYPE && e.status.endsWith('_FAILED'));
    return failed.find((e) => !/cancelled/i.test(e.reason ?? '')) ?? failed[0];
}
/** eksctl's line for a stack event: `AWS::IAM::Role/Role1: CREATE_FAILED – <reason>`. */
function eventLine(e) {
    return `${e.resourceType}/${e.logicalId}: ${e.status}${e.reason ? ` – ${e.reason}` : ''}`;
}

;// CONCATENATED MODULE: ./src/aws/waiters.ts
// Every wait of the product: stacks (many at once, sharing polls: a few described by name, many by
// one paginated DescribeStacks of the region), change sets, and add-ons.




const DEFAULT_SCHEDULE = [250, 1000, 2000, 4000, 8000, 10000];
const defaultSleep = (ms) => new Promise((r) => setTimeout(r, ms));
function isInProgress(status) {
    return status.endsWith('_IN_PROGRESS');
}
/** Decides, for a stack status, whether the wait is over and whether it succeeded. */
function verdict(goal, stack) {
    if (!stack || stack.status === 'DELETE_COMPLETE') {
        return { ok: goal === 'delete' || goal === 'settle', stack: undefined };
    }
    if (isInProgress(stack.status))
        return undefined;
    const ok = goal === 'settle' ||
        (goal === 'create' && stack.status === 'CREATE_COMPLETE') ||
        (goal === 'update' && stack.status === 'UPDATE_COMPLETE');
    return { ok, stack };
}
const STACK_GOAL_TEXT = {
    create: 'be created',
    update: 'be updated',
    delete: 'be deleted',
    settle: 'settle',
};
class StackWatcher {
    cfn;
    pending = [];
    loop;
    schedule;
    batchThreshold;
    timeoutMs;
    progressEveryMs;
    sleep;
    constructor(cfn, options = {}) {
        this.cfn = cfn;
        this.schedule = options.schedule ?? DEFAULT_SCHEDULE;
        this.batchThreshold = options.batchThreshold ?? 5;
        this.timeoutMs = options.timeoutMs ?? 25 * 60_000;
        this.progressEveryMs = options.progressEveryMs ?? progressEveryMs();
        this.sleep = options.sleep ?? defaultSleep;
    }
    /**
     * Resolves when the stack leaves its *_IN_PROGRESS states (or is gone); with `progress`, a line
     * about every interval while it has not.
     */
    wait(nameOrId, goal, progress) {
        return new Promise((resolve, reject) => {
            this.pending.push({
                nameOrId,
                goal,
                deadline: Date.now() + this.timeoutMs,
                ...(progress
                    ? { progress: { ...progress, clock: new ProgressClock(this.progressEveryMs) } }
                    : {}),
                resolve,
                reject,
            });
            this.loop ??= this.run().finally(() => {
                this.loop = undefined;
            });
        });
    }
    async run() {
        let attempt = 0;
        while (this.pending.length > 0) {
            await this.sleep(this.schedule[Math.min(attempt++, this.schedule.length - 1)]);
            // A copy: waiters that join while this poll is in flight are judged by the next one, not by
            // a listing taken before their stack existed.
            const batch = [...this.pending];
            try {
                const found = await this.describe(batch);
                for (const p of batch) {
                    const stack = found.get(p.nameOrId);
                    const result = verdict(p.goal, stack);
                    if (result) {
                        this.settle(p);
                        p.resolve(result);
                    }
                    else if (Date.now() > p.deadline) {
                        this.settle(p);
                        p.reject(new Error(`timed out waiting for CloudFormation stack "${p.nameOrId}"`));
                    }
                    else if (p.progress?.clock.due()) {
                        p.progress.log(`waiting for CloudFormation stack "${p.progress.stackName}" to ${STACK_GOAL_TEXT[p.goal]} (status ${stack?.status ?? 'unknown'}, ${p.progress.clock.elapsed()} so far)`);
                    }
                }
            }
            catch (error) {
                // Throttling or a 5xx is not a failed stack: poll again, until the deadline. Anything else
                // (expired credentials, access denied) will not get better by waiting.
                for (const p of batch) {
                    if (!(0,errors/* isTransient */.dg)(error) || Date.now() > p.deadline) {
                        this.settle(p);
                        p.reject(error instanceof Error ? error : new Error(String(error)));
                    }
                }
            }
            // New waiters joined: start the delays over so a fresh stack is seen quickly.
            if (this.pending.some((p) => !batch.includes(p)))
                attempt = 0;
        }
    }
    settle(p) {
        this.pending = this.pending.filter((x) => x !== p);
    }
    async describe(batch) {
        const found = new Map();
        let unresolved = batch;
        if (batch.length > this.batchThreshold) {
            const byKey = new Map();
            for (const s of await describeAllStacks(this.cfn)) {
                byKey.set(s.stackName, s);
                byKey.set(s.stackId, s);
            }
            for (const p of batch) {
                const stack = byKey.get(p.nameOrId);
                if (stack)
                    found.set(p.nameOrId, stack);
            }
            // The region-wide listing leaves out deleted stacks (and may lag a fresh one): ask for those
            // by name or id, which also answers for a deleted stack.
            unresolved = batch.filter((p) => !found.has(p.nameOrId));
        }
        const single = await Promise.all(unresolved.map((p) => describeStack(this.cfn, p.nameOrId)));
        unresolved.forEach((p, i) => found.set(p.nameOrId, single[i]));
        return found;
    }
}
/** Polls a change set until CloudFormation has computed it (CREATE_COMPLETE) or gave up (FAILED). */
async function waitChangeSet(cfn, stackName, changeSetId, options) {
    const sleep = options.sleep ?? defaultSleep;
    for (let delay = 250;; delay = Math.min(delay * 2, 5000)) {
        const status = await options.call(() => describeChangeSet(cfn, stackName, changeSetId));
        if (status.status === 'CREATE_COMPLETE' || status.status === 'FAILED')
            return status;
        await sleep(delay);
    }
}
const ADDON_IN_PROGRESS = new Set(['CREATING', 'UPDATING', 'DELETING']);
const ADDON_FAILED = new Set(['CREATE_FAILED', 'UPDATE_FAILED', 'DEGRADED', 'DELETE_FAILED']);
/** The health issues of a failed or degraded add-on, as one readable clause. */
function addonIssuesText(addon) {
    return addon.issues
        .map((i) => `${i.code}: ${i.message}${i.resourceIds.length ? ` (${i.resourceIds.join(', ')})` : ''}`)
        .join('; ');
}
/**
 * Waits for add-ons: DescribeAddon until the goal is reached, the add-on fails (CREATE_FAILED,
 * UPDATE_FAILED, DEGRADED, DELETE_FAILED: the error carries its health issues) or the time runs
 * out, with a progress line now and then. Throttling and 5xx while polling are polled through.
 */
class AddonWatcher {
    eks;
    schedule;
    timeoutMs;
    progressEveryMs;
    sleep;
    now;
    constructor(eks, options = {}) {
        this.eks = eks;
        this.schedule = options.schedule ?? DEFAULT_SCHEDULE;
        this.timeoutMs = options.timeoutMs ?? 25 * 60_000;
        this.progressEveryMs = options.progressEveryMs ?? progressEveryMs();
        this.sleep = options.sleep ?? defaultSleep;
        this.now = options.now ?? Date.now;
    }
    /** The add-on once the goal is reached (undefined once it is gone). */
    async wait(target, goal, progress = () => { }) {
        const started = this.now();
        const clock = new ProgressClock(this.progressEveryMs, this.now);
        let status = 'unknown';
        for (let attempt = 0;; attempt++) {
            let addon;
            try {
                addon = await describeAddon(this.eks, target.clusterName, target.addonName);
                status = addon?.status ?? 'gone';
                const done = addonVerdict(target.addonName, goal, addon);
                if (done)
                    return done.addon;
            }
            catch (error) {
                if (!(0,errors/* isTransient */.dg)(error))
                    throw error;
            }
            const elapsed = this.now() - started;
            if (elapsed > this.timeoutMs) {
                throw new Error(`timed out waiting for addon "${target.addonName}" to ${GOAL_TEXT[goal]}, status: "${status}"`);
            }
            if (clock.due()) {
                progress(`waiting for addon "${target.addonName}" to ${GOAL_TEXT[goal]} (status ${status}, ${clock.elapsed()} so far)`);
            }
            await this.sleep(this.schedule[Math.min(attempt, this.schedule.length - 1)]);
        }
    }
}
const GOAL_TEXT = {
    active: 'become active',
    deleted: 'be deleted',
    settle: 'settle',
};
/** Whether the wait is over: `{ addon }` when it is, an error when the add-on failed. */
function addonVerdict(name, goal, addon) {
    if (!addon) {
        if (goal === 'active')
            throw new Error(`addon "${name}" was deleted while waiting for it`);
        return { addon };
    }
    if (ADDON_IN_PROGRESS.has(addon.status))
        return undefined;
    if (goal === 'settle')
        return { addon };
    if (goal === 'active' && addon.status === 'ACTIVE')
        return { addon };
    // A delete only fails as DELETE_FAILED; any other state means it has not begun to show yet.
    if (goal === 'deleted' && addon.status !== 'DELETE_FAILED')
        return undefined;
    if (!ADDON_FAILED.has(addon.status))
        return undefined;
    const issues = addonIssuesText(addon);
    throw new Error(`addon status transitioned to "${addon.status}"${issues ? `: ${issues}` : ''} (addon "${name}")`);
}

// EXTERNAL MODULE: ./src/names/template-ids.ts
var template_ids = __webpack_require__(2452);
;// CONCATENATED MODULE: ./src/apply/stack-tasks.ts
// Role stack tasks: create (replacing a failed stack first), update through a change set, delete.
// Each is idempotent: re-running it after a crash, a retry or a concurrent run reaches the same end.








/** The tags by which eksctl says whose role a stack holds. */
const OWNERSHIP_TAGS = [
    names_tags/* POD_IDENTITY_ASSOCIATION_TAG */.Ib,
    names_tags/* ADDON_NAME_TAG */.IK,
    names_tags/* ADDON_POD_IDENTITY_ASSOCIATION_TAG */.TO,
];
/**
 * The error of a stack that ended badly. As eksctl troubleshoots a failed stack, the events say
 * why: the error carries the first failed resource's own reason (what IAM refused), not the stack's
 * "Rollback requested by user" echo, which is kept only when the events cannot be read.
 */
async function endedBadly(ctx, stackName, stack) {
    const status = stack?.status ?? 'DELETE_COMPLETE';
    ctx.log(`unexpected status "${status}" while waiting for CloudFormation stack "${stackName}"`);
    let cause;
    if (stack) {
        try {
            const events = await context_retry(ctx, () => lastOperationEvents(ctx.clients.cloudformation, stack.stackId));
            const failed = firstFailedResource(events);
            if (failed)
                cause = eventLine(failed);
        }
        catch (error) {
            ctx.log(`cannot fetch stack events: ${(0,errors/* errorMessage */.gJ)(error)}`);
        }
    }
    const reason = cause ?? stack?.statusReason;
    return new Error(`stack "${stackName}" ended in ${status}${reason ? `: ${reason}` : ''}`);
}
/**
 * Runs one stack's operation; when CloudFormation says someone else is changing the stack at the
 * same time (two applies of one config, most often), the error says so and what to do instead of
 * CloudFormation's own words ("ChangeSet [arn…] does not exist").
 */
async function alone(stackName, operation) {
    try {
        return await operation();
    }
    catch (error) {
        const signal = concurrentChange(error);
        if (!signal)
            throw error;
        throw new Error(`another apply is changing stack "${stackName}" at the same time (${signal}): wait for it to ` +
            'finish, then re-run, which converges. In GitHub Actions, put the apply job in a `concurrency:` ' +
            'group keyed on the target so applies queue instead (docs/action.md, "Concurrency")', { cause: error });
    }
}
async function createRoleStack(p, ctx) {
    const client = ctx.clients.cloudformation;
    if (p.replacesFailedStackId) {
        ctx.log(`deleting failed stack "${p.stackName}" before re-creating it`);
        const failedId = p.replacesFailedStackId;
        await alone(p.stackName, () => removeStack(ctx, failedId, true));
    }
    let stackId;
    try {
        ctx.log(`deploying stack "${p.stackName}"`);
        stackId = await context_retry(ctx, () => createStack(client, p));
    }
    catch (error) {
        if (!(0,errors/* isAwsError */.m_)(error, 'AlreadyExistsException'))
            throw error;
        // A retried CreateStack whose first attempt went through, or a concurrent run: the same stack
        // only if eksctl's tags name the same owner (stack names alone can collide).
        const existing = await context_retry(ctx, () => describeStack(client, p.stackName));
        const differs = OWNERSHIP_TAGS.find((key) => existing?.tags[key] !== p.tags[key]);
        if (!existing || differs) {
            const owner = existing && differs ? existing.tags[differs] : undefined;
            const mine = differs ? p.tags[differs] : undefined;
            throw new Error(`stack "${p.stackName}" already exists${owner ? ` for "${owner}"` : ''}, not for "${mine}"`, { cause: error });
        }
        stackId = existing.stackId;
    }
    const result = await ctx.watcher.wait(stackId, 'create', {
        stackName: p.stackName,
        log: ctx.log,
    });
    if (!result.ok || !result.stack)
        throw await endedBadly(ctx, p.stackName, result.stack);
    ctx.outputs.set(p.stackName, result.stack.outputs);
    return { changed: true, detail: result.stack.outputs[template_ids/* ROLE_OUTPUT */.vw] };
}
async function updateRoleStack(p, ctx) {
    return alone(p.stackName, () => updateThroughChangeSet(p, ctx));
}
async function updateThroughChangeSet(p, ctx) {
    const client = ctx.clients.cloudformation;
    // Unique per attempt: a second update of the same stack within a second, or a retry after a lost
    // answer, must not collide with an earlier change set's name.
    const changeSetName = `podid-update-${Math.floor(Date.now() / 1000)}-${(0,external_node_crypto_.randomBytes)(3).toString('hex')}`;
    const changeSetId = await context_retry(ctx, () => createChangeSet(client, {
        ...p,
        changeSetName,
        description: `updating IAM resources stack "${p.stackName}"`,
    }));
    ctx.log(`waiting for CloudFormation changeset "${changeSetName}" for stack "${p.stackName}"`);
    const status = await waitChangeSet(client, p.stackName, changeSetId, {
        call: (fn) => context_retry(ctx, fn),
        sleep: ctx.sleep,
    });
    if (status.status === 'FAILED') {
        if (/didn't contain changes|No updates are to be performed/.test(status.reason ?? '')) {
            await context_retry(ctx, () => deleteChangeSet(client, p.stackName, changeSetId));
            const stack = await context_retry(ctx, () => describeStack(client, p.stackName));
            ctx.outputs.set(p.stackName, stack?.outputs ?? {});
            return { changed: false, detail: 'nothing to update' };
        }
        throw new Error(`change set for stack "${p.stackName}" failed: ${status.reason ?? 'no reason given'}`);
    }
    await context_retry(ctx, () => executeChangeSet(client, p.stackName, changeSetId));
    const result = await ctx.watcher.wait(p.stackName, 'update', {
        stackName: p.stackName,
        log: ctx.log,
    });
    if (!result.ok || !result.stack)
        throw await endedBadly(ctx, p.stackName, result.stack);
    ctx.outputs.set(p.stackName, result.stack.outputs);
    return { changed: true, detail: `updated IAM resources stack "${p.stackName}"` };
}
async function deleteRoleStack(p, ctx) {
    ctx.log(`will delete stack "${p.stackName}"`);
    const existed = await alone(p.stackName, () => removeStack(ctx, p.stackId, p.terminationProtection));
    return { changed: existed, detail: existed ? undefined : 'already gone' };
}
/** Lifts termination protection, deletes, waits for DELETE_COMPLETE. False if it was already gone. */
async function removeStack(ctx, stackId, protectedStack) {
    const client = ctx.clients.cloudformation;
    const current = await context_retry(ctx, () => describeStack(client, stackId));
    if (!current || current.status === 'DELETE_COMPLETE')
        return false;
    if (protectedStack || current.terminationProtection) {
        await context_retry(ctx, () => setTerminationProtection(client, stackId, false));
    }
    await context_retry(ctx, () => deleteStack(client, stackId));
    const result = await ctx.watcher.wait(stackId, 'delete', {
        stackName: current.stackName,
        log: ctx.log,
    });
    if (!result.ok)
        throw await endedBadly(ctx, current.stackName, result.stack);
    return true;
}

;// CONCATENATED MODULE: ./src/apply/migration-tasks.ts
// The migration tasks (reference §7.3): a role's trust policy, through its eksctl stack when the
// role is owned (a change set, as eksctl does) or UpdateAssumeRolePolicy when not; and the IRSA
// annotation of a service account. Each converges when run again.






async function updateTrustPolicy(params, ctx) {
    const { roleName, stack } = params;
    if (stack) {
        ctx.log(`updating IAM resources stack "${stack.stackName}" for role "${roleName}"`);
        const outcome = await updateRoleStack(stack, ctx);
        ctx.log(outcome.changed
            ? `updated IAM resources stack "${stack.stackName}" for role "${roleName}"`
            : `IAM resources for role "${roleName}" are already up-to-date`);
        return outcome;
    }
    await context_retry(ctx, () => updateAssumeRolePolicy(ctx.clients.iam, roleName, params.trustPolicy));
    ctx.log(`updated trust policy for role ${roleName}`);
    return { changed: true };
}
async function removeIrsaAnnotation(params, ctx) {
    if (!ctx.kubernetes)
        throw new Error('no Kubernetes API for this cluster');
    const { namespace, serviceAccount } = params;
    const removed = await removeServiceAccountAnnotation(ctx.kubernetes(), namespace, serviceAccount, kubernetes/* IRSA_ROLE_ANNOTATION */.nR);
    const key = (0,names_tags/* associationKey */.nU)(namespace, serviceAccount);
    if (!removed)
        return { changed: false, detail: 'annotation already gone' };
    ctx.log(`removed iamserviceaccount annotation with key "${kubernetes/* IRSA_ROLE_ANNOTATION */.nR}" for "${key}"`);
    return { changed: true };
}

;// CONCATENATED MODULE: ./src/apply/service-account-tasks.ts
// Kubernetes service-account tasks, with eksctl's steps and log lines (reference §2.2 b, §5 b).
// Each reads before it writes, so a re-run after a crash, or a change made by hand since the plan,
// ends in the same state instead of failing.



function session(ctx) {
    if (!ctx.kubernetes)
        throw new Error('no Kubernetes API for this cluster');
    return ctx.kubernetes();
}
const hasLabels = (have, want) => Object.entries(want).every(([k, v]) => have[k] === v);
async function createServiceAccountStep(params, ctx) {
    const kube = session(ctx);
    const { namespace, serviceAccount: name, labels } = params;
    const key = (0,names_tags/* associationKey */.nU)(namespace, name);
    let changed = false;
    if (params.createNamespace && (await createNamespace(kube, namespace))) {
        ctx.log(`created namespace "${namespace}"`);
        changed = true;
    }
    let existing = await readServiceAccount(kube, namespace, name);
    if (!existing) {
        if (await createServiceAccount(kube, namespace, name, labels)) {
            ctx.log(`created serviceaccount "${key}"`);
            return { changed: true, detail: 'created' };
        }
        // Made by someone else since the read: label theirs, as eksctl does with an existing one.
        existing = await readServiceAccount(kube, namespace, name);
        if (!existing)
            throw new Error(`serviceaccount "${key}" was created and deleted meanwhile`);
    }
    ctx.log(`serviceaccount "${key}" already exists`);
    if (hasLabels(existing.labels, labels)) {
        ctx.log(`serviceaccount "${key}" is already up-to-date`);
        return { changed, ...(changed ? { detail: 'namespace created' } : {}) };
    }
    await mergeServiceAccountLabels(kube, namespace, name, labels);
    ctx.log(`updated serviceaccount "${key}"`);
    return { changed: true, detail: 'label added' };
}
async function deleteServiceAccountStep(params, ctx) {
    const kube = session(ctx);
    const { namespace, serviceAccount: name } = params;
    const key = (0,names_tags/* associationKey */.nU)(namespace, name);
    const existing = await readServiceAccount(kube, namespace, name);
    if (!existing) {
        ctx.log(`serviceaccount "${key}" was already deleted`);
        return { changed: false };
    }
    // The label is checked again now: the plan's reading may be old.
    if (existing.labels[kubernetes/* MANAGED_BY_LABEL */.lT] !== kubernetes/* MANAGED_BY_EKSCTL */.PN) {
        ctx.log(`serviceaccount "${key}" was not created by eksctl; will not be deleted`);
        return { changed: false, detail: 'not created by eksctl; left alone' };
    }
    if (!(await deleteServiceAccount(kube, namespace, name))) {
        ctx.log(`serviceaccount "${key}" was already deleted`);
        return { changed: false };
    }
    ctx.log(`deleted serviceaccount "${key}"`);
    return { changed: true };
}

;// CONCATENATED MODULE: ./src/apply/tasks.ts
// One task → the function that performs it. Each is idempotent: re-running it after a crash, a
// retry or a concurrent run reaches the same end state instead of failing or duplicating.







/** Performs a task; a failure also carries eksctl's wording, so its text is found by eksctl users too. */
async function runTask(task, ctx) {
    try {
        return await perform(task, ctx);
    }
    catch (error) {
        throw withEksctlWording(task, error);
    }
}
/**
 * eksctl's creator wraps these failures (creator_test.go: "creating IAM role for pod identity
 * association", "failed to create service account", "creating pod identity association"; the
 * deleter: "failed to delete service account"); the rest keep their own text.
 */
function withEksctlWording(task, error) {
    const message = (0,errors/* errorMessage */.gJ)(error);
    if (task.kind === 'create-role-stack') {
        const tags = task.params.tags;
        const key = tags[names_tags/* POD_IDENTITY_ASSOCIATION_TAG */.Ib] ?? tags[names_tags/* ADDON_POD_IDENTITY_ASSOCIATION_TAG */.TO];
        if (key === undefined)
            return error;
        const { namespace, serviceAccount } = (0,names_tags/* splitAssociationKey */.d_)(key);
        return new Error(`creating IAM role for pod identity association for service account ${serviceAccount} in namespace ${namespace}: ${message}`, { cause: error });
    }
    if (task.kind === 'create-service-account' || task.kind === 'delete-service-account') {
        const verb = task.kind === 'create-service-account' ? 'create' : 'delete';
        const key = (0,names_tags/* associationKey */.nU)(task.params.namespace, task.params.serviceAccount);
        return new Error(`failed to ${verb} service account "${key}": ${message}`, { cause: error });
    }
    if (task.kind === 'update-trust-policy') {
        return new Error(`updating trust policy for role ${task.params.roleName}: ${message}`, {
            cause: error,
        });
    }
    if (task.kind === 'create-association') {
        const { namespace, serviceAccount } = task.params;
        return new Error(`creating pod identity association for service account "${serviceAccount}" in namespace "${namespace}": ${message}`, { cause: error });
    }
    return error;
}
async function perform(task, ctx) {
    switch (task.kind) {
        case 'create-role-stack':
            return createRoleStack(task.params, ctx);
        case 'update-role-stack':
            return updateRoleStack(task.params, ctx);
        case 'delete-role-stack':
            return deleteRoleStack(task.params, ctx);
        case 'create-association':
            return association_tasks_createAssociation(task.params, ctx);
        case 'update-association':
            return association_tasks_updateAssociation(task.params, ctx);
        case 'delete-association':
            return association_tasks_deleteAssociation(task.params, ctx);
        case 'tag-association':
            return tagAssociation(task.params, ctx);
        case 'create-addon':
            return addon_tasks_createAddon(task.params, ctx);
        case 'update-addon':
            return addon_tasks_updateAddon(task.params, ctx);
        case 'delete-addon':
            return addon_tasks_deleteAddon(task.params, ctx);
        case 'tag-addon':
            return tagAddon(task.params, ctx);
        case 'create-service-account':
            return createServiceAccountStep(task.params, ctx);
        case 'delete-service-account':
            return deleteServiceAccountStep(task.params, ctx);
        case 'update-trust-policy':
            return updateTrustPolicy(task.params, ctx);
        case 'remove-irsa-annotation':
            return removeIrsaAnnotation(task.params, ctx);
    }
}

;// CONCATENATED MODULE: ./src/apply/executor.ts
// Runs a cluster's task DAG: every task starts as soon as its dependencies have succeeded, so
// independent work overlaps; the in-flight API calls are bounded by the clients' shared limiter.
// A failure skips only the tasks that depend on it.


/** Throws on a dependency cycle, which would otherwise wait forever. */
function assertAcyclic(tasks) {
    const byId = new Map(tasks.map((t) => [t.id, t]));
    const state = new Map();
    const visit = (task, path) => {
        if (state.get(task.id) === 'done')
            return;
        if (state.get(task.id) === 'visiting') {
            throw new Error(`the plan has a dependency cycle: ${[...path, task.id].join(' → ')}`);
        }
        state.set(task.id, 'visiting');
        for (const id of task.dependsOn) {
            const dep = byId.get(id);
            if (dep)
                visit(dep, [...path, task.id]);
        }
        state.set(task.id, 'done');
    };
    for (const task of tasks)
        visit(task, []);
}
async function applyClusterPlan(plan, deps) {
    assertAcyclic(plan.tasks);
    const now = deps.now ?? Date.now;
    const started = now();
    const stamp = () => `[+${((now() - started) / 1000).toFixed(1)}s]`;
    const byId = new Map(plan.tasks.map((t) => [t.id, t]));
    const running = new Map();
    const execute = async (task) => {
        const base = { id: task.id, kind: task.kind, description: task.description };
        const prerequisites = await Promise.all(task.dependsOn.flatMap((id) => {
            const dep = byId.get(id);
            return dep ? [run(dep)] : [];
        }));
        const blocker = prerequisites.find((r) => r.status === 'failed' || r.status === 'skipped');
        if (blocker) {
            const message = `skipped because "${blocker.description}" did not succeed`;
            deps.progress(`${stamp()} - ${task.description}: ${message}`);
            return { ...base, status: 'skipped', message, durationMs: 0 };
        }
        const t0 = now();
        try {
            const outcome = await (deps.runTask ?? runTask)(task, deps.context);
            deps.progress(`${stamp()} ✔ ${task.description}${outcome.detail ? ` (${outcome.detail})` : ''}`);
            return {
                ...base,
                status: outcome.changed ? 'succeeded' : 'unchanged',
                message: outcome.detail,
                durationMs: now() - t0,
            };
        }
        catch (error) {
            const message = (0,errors/* errorMessage */.gJ)(error);
            deps.progress(`${stamp()} ✖ ${task.description}: ${message}`);
            return { ...base, status: 'failed', message, durationMs: now() - t0 };
        }
    };
    const run = (task) => {
        let promise = running.get(task.id);
        if (!promise) {
            promise = execute(task);
            running.set(task.id, promise);
        }
        return promise;
    };
    const results = await Promise.all(plan.tasks.map(run));
    return {
        cluster: plan.cluster,
        region: plan.region,
        results,
        failed: results.filter((r) => r.status === 'failed').length,
    };
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-sts/dist-cjs/index.js
var client_sts_dist_cjs = __webpack_require__(1695);
// EXTERNAL MODULE: ./node_modules/p-limit/index.js + 1 modules
var p_limit = __webpack_require__(370);
// EXTERNAL MODULE: ./src/aws/sdk-reminder.ts
var sdk_reminder = __webpack_require__(2244);
// EXTERNAL MODULE: ./src/aws/timeouts.ts
var aws_timeouts = __webpack_require__(2653);
;// CONCATENATED MODULE: ./src/aws/clients.ts
// AWS SDK clients for one region. Endpoints come from the SDK's own resolution
// (AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_EKS, …), which is also how tests reach the emulator.







function bound(client, limit, timeouts) {
    (0,aws_timeouts/* nameTimeouts */.ku)(client, timeouts);
    if (limit) {
        // Between the retry middleware and signing: each attempt takes a slot (backoff sleeps do not),
        // and is signed only once it has one. The SigV4 signer reads the credentials provider when it
        // signs, so an attempt that waited in the queue past the renewal point goes out with renewed
        // keys; waiting after signing sent it with the old ones (ExpiredToken). A renewal runs while its
        // attempt holds a slot, which is why the renewing STS client is never behind this limiter.
        client.middlewareStack.addRelativeTo((next) => (args) => limit(() => next(args)), { relation: 'before', toMiddleware: 'httpSigningMiddleware', name: 'podidConcurrencyLimit' });
    }
    return client;
}
function createClients(options) {
    (0,sdk_reminder/* quietSdkNodeReminder */.f)();
    const http = (0,aws_timeouts/* httpSettings */.qe)(options.timeouts);
    const config = {
        region: options.region,
        credentials: options.credentials,
        maxAttempts: options.maxAttempts ?? 5,
        retryMode: 'standard',
        ...http.config,
    };
    const ready = (client) => bound(client, options.limit, http.timeouts);
    return {
        region: options.region,
        eks: ready(new dist_cjs/* EKSClient */.JQJ(config)),
        iam: ready(new client_iam_dist_cjs/* IAMClient */.h8v(config)),
        cloudformation: ready(new client_cloudformation_dist_cjs/* CloudFormationClient */.m1N(config)),
        sts: ready(new client_sts_dist_cjs.STSClient(config)),
    };
}
/**
 * One set of clients per region and identity, shared by every cluster of that region reached with
 * that identity in a run (with many accounts, each account's role has its own). All of them share
 * one request limiter.
 */
class ClientPool {
    byRegion = new Map();
    base;
    constructor(base = {}) {
        const { concurrency, ...rest } = base;
        // Read once, so a bad PODID_HTTP_TIMEOUT_MS fails the run before any call.
        const timeouts = rest.timeouts ?? (0,aws_timeouts/* httpSettings */.qe)().timeouts;
        this.base = { ...rest, timeouts, limit: (0,p_limit/* default */.A)(Math.max(1, concurrency ?? 10)) };
    }
    /** The clients of a region, signing with `identity` (the pool's own credentials when absent). */
    get(region, identity) {
        const key = identity ? `${identity.key}\n${region}` : region;
        let clients = this.byRegion.get(key);
        if (!clients) {
            const credentials = identity ? identity.credentials : this.base.credentials;
            clients = createClients({ ...this.base, credentials, region });
            this.byRegion.set(key, clients);
        }
        return clients;
    }
    destroy() {
        for (const c of this.byRegion.values()) {
            c.eks.destroy();
            c.iam.destroy();
            c.cloudformation.destroy();
            c.sts.destroy();
        }
        this.byRegion.clear();
    }
}
/**
 * Where this region's STS is, as the STS client resolves it (AWS_ENDPOINT_URL and friends first,
 * then the regional endpoint): the EKS token is a presigned request to it.
 */
async function stsEndpoint(clients) {
    const config = clients.sts.config;
    const configured = config.endpoint
        ? await config.endpoint()
        : await config.serviceConfiguredEndpoint?.();
    if (configured) {
        if (typeof configured === 'string')
            return new URL(configured);
        const { protocol, hostname, port, path } = configured;
        return new URL(`${protocol}//${hostname}${port ? `:${port}` : ''}${path}`);
    }
    const resolved = config.endpointProvider({
        Region: clients.region,
        UseFIPS: false,
        UseDualStack: false,
        UseGlobalEndpoint: false,
    });
    return new URL(resolved.url.href);
}
/**
 * The region the SDK would use when none is given (AWS_REGION, then the profile's `region`), or
 * undefined when it finds none.
 */
async function profileRegion() {
    (0,sdk_reminder/* quietSdkNodeReminder */.f)();
    const client = new client_sts_dist_cjs.STSClient({});
    try {
        return await client.config.region();
    }
    catch {
        return undefined;
    }
    finally {
        client.destroy();
    }
}

;// CONCATENATED MODULE: ./src/aws/read-failure.ts
// Why a cluster's live state could not be read, said as one line with its fix: no credentials, an
// endpoint that cannot be reached, credentials AWS refuses, access denied. The SDK's own messages
// ("Could not load credentials from any providers") name no remedy.

const read_failure_NETWORK_CODES = [
    'ECONNREFUSED',
    'ECONNRESET',
    'ENOTFOUND',
    'EAI_AGAIN',
    'ETIMEDOUT',
    'EHOSTUNREACH',
    'ENETUNREACH',
];
const REFUSED_CREDENTIALS = [
    'UnrecognizedClientException',
    'InvalidClientTokenId',
    'ExpiredToken',
    'ExpiredTokenException',
    'InvalidSignatureException',
    'SignatureDoesNotMatch',
];
function networkCode(error) {
    const code = error?.code;
    if (typeof code === 'string' && read_failure_NETWORK_CODES.includes(code))
        return code;
    const match = (0,errors/* errorMessage */.gJ)(error).match(/\b(E[A-Z_]{4,})\b/);
    return match && read_failure_NETWORK_CODES.includes(match[1]) ? match[1] : undefined;
}
function explainReadFailure(error, region, env) {
    const message = (0,errors/* errorMessage */.gJ)(error);
    if ((0,errors/* isAwsError */.m_)(error, 'CredentialsProviderError') || /Could not load credentials/.test(message)) {
        return {
            reason: 'no AWS credentials were found',
            hint: 'set AWS_PROFILE (after aws sso login) or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY; in the action, set role-to-assume',
        };
    }
    const code = networkCode(error);
    if (code) {
        const endpoint = env.AWS_ENDPOINT_URL_EKS ?? env.AWS_ENDPOINT_URL;
        return {
            reason: `the EKS endpoint for ${region} could not be reached (${message})`,
            hint: endpoint
                ? `AWS_ENDPOINT_URL${env.AWS_ENDPOINT_URL_EKS ? '_EKS' : ''} is ${endpoint}: is it right, and is it running?`
                : 'check the network, a proxy (HTTPS_PROXY) and metadata.region',
        };
    }
    if ((0,errors/* isAwsError */.m_)(error, ...REFUSED_CREDENTIALS)) {
        return {
            reason: `AWS refused the credentials (${message})`,
            hint: 'refresh them (aws sso login, or new keys) and check they belong to the cluster’s account',
        };
    }
    if ((0,errors/* isAwsError */.m_)(error, 'AccessDeniedException', 'AccessDenied')) {
        return {
            reason: `access denied (${message})`,
            hint: 'the plan role needs the read permissions of docs/policies/plan-role-policy.json',
        };
    }
    return { reason: `could not read its live state in ${region}: ${message}` };
}

;// CONCATENATED MODULE: ./src/aws/sts.ts
// Thin STS adapter: who the run's credentials are (for messages that must name the principal).

/** The caller's ARN (an assumed-role session's, a user's); undefined when STS will not say. */
async function callerArn(sts) {
    try {
        const identity = await sts.send(new client_sts_dist_cjs.GetCallerIdentityCommand({}));
        return identity.Arn;
    }
    catch {
        return undefined;
    }
}

// EXTERNAL MODULE: ./node_modules/@smithy/signature-v4/dist-cjs/index.js
var signature_v4_dist_cjs = __webpack_require__(5118);
;// CONCATENATED MODULE: ./src/kube/token.ts
// The EKS bearer token, as `aws eks get-token` makes it: `k8s-aws-v1.` + base64url of a presigned STS
// GetCallerIdentity URL that also signs the `x-k8s-aws-id: <cluster>` header. EKS asks STS who signed
// it, so the token carries the same identity as the AWS calls, and binds it to one cluster.


const TOKEN_PREFIX = 'k8s-aws-v1.';
const CLUSTER_ID_HEADER = 'x-k8s-aws-id';
/** EKS accepts a token for 15 minutes after it was signed, whatever X-Amz-Expires says. */
const TOKEN_LIFETIME_MS = 15 * 60_000;
/** `aws eks get-token` presigns for 60 seconds; EKS ignores it, STS would not. */
const PRESIGN_SECONDS = 60;
const bytes = (data) => typeof data === 'string'
    ? data
    : ArrayBuffer.isView(data)
        ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
        : new Uint8Array(data);
/** SHA-256 (or its HMAC) in the shape the SigV4 signer wants, from node:crypto. */
class Sha256 {
    hash;
    constructor(secret) {
        this.hash = secret === undefined ? (0,external_node_crypto_.createHash)('sha256') : (0,external_node_crypto_.createHmac)('sha256', bytes(secret));
    }
    update(data) {
        this.hash.update(bytes(data));
    }
    digest() {
        return Promise.resolve(new Uint8Array(this.hash.digest()));
    }
    reset() { }
}
/** RFC 3986 escaping, as SigV4 canonicalises query values. */
const token_escape = (value) => encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
/**
 * A token for `cluster`, signed for STS at `stsEndpoint` (the endpoint the STS client resolves: a
 * regional `sts.<region>.amazonaws.com`, or AWS_ENDPOINT_URL).
 */
async function eksToken(input) {
    const { stsEndpoint: url } = input;
    const signer = new signature_v4_dist_cjs.SignatureV4({
        service: 'sts',
        region: input.region,
        credentials: input.credentials,
        sha256: Sha256,
        uriEscapePath: true,
    });
    const signed = await signer.presign({
        method: 'GET',
        protocol: url.protocol,
        hostname: url.hostname,
        ...(url.port ? { port: Number(url.port) } : {}),
        path: url.pathname || '/',
        query: { Action: 'GetCallerIdentity', Version: '2011-06-15' },
        headers: { host: url.host, [CLUSTER_ID_HEADER]: input.cluster },
    }, { expiresIn: PRESIGN_SECONDS, signingDate: input.now });
    const query = Object.entries(signed.query ?? {})
        .flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((one) => `${token_escape(k)}=${token_escape(String(one))}`))
        .join('&');
    const presigned = `${url.protocol}//${url.host}${url.pathname || '/'}?${query}`;
    return {
        token: TOKEN_PREFIX + Buffer.from(presigned).toString('base64url'),
        expiresAt: new Date(input.now.getTime() + TOKEN_LIFETIME_MS),
    };
}

;// CONCATENATED MODULE: ./src/kube/session.ts
// An authenticated connection to one cluster's Kubernetes API: the endpoint and CA from
// DescribeCluster, the EKS token from the run's AWS credentials (renewed before EKS stops accepting
// it, and once more when the server says 401), TLS verified against the cluster's CA. The official
// client is imported on first use: it takes a third of a second to load, and most plans never call
// Kubernetes.



let library;
const loadLibrary = () => (library ??= __webpack_require__.e(/* import() */ 959).then(__webpack_require__.bind(__webpack_require__, 6959)));
/** A token is replaced when a third of its life is left: a call never starts with one about to expire. */
const RENEW_AFTER_MS = (TOKEN_LIFETIME_MS * 2) / 3;
/**
 * Cancels the request itself on timeout: a stalled server must not keep the process alive. (The
 * object-parameter API takes the library's observable middleware, as its setHeaderOptions makes.)
 */
function cancellable(k8s, signal) {
    const middleware = {
        pre: (request) => {
            request.setSignal(signal);
            return new k8s.Observable(Promise.resolve(request));
        },
        post: (response) => new k8s.Observable(Promise.resolve(response)),
    };
    return { middleware: [middleware], middlewareMergeStrategy: 'append' };
}
class KubeSession {
    endpoint;
    deps;
    token;
    apis;
    constructor(endpoint, deps) {
        this.endpoint = endpoint;
        this.deps = deps;
    }
    now() {
        return this.deps.now?.() ?? new Date();
    }
    async current(renew) {
        const now = this.now();
        const stale = !this.token || now.getTime() - this.token.issuedAt >= RENEW_AFTER_MS;
        if (this.apis && !stale && !renew)
            return this.apis;
        const [k8s, credentials, stsEndpoint] = await Promise.all([
            loadLibrary(),
            this.deps.credentials(),
            this.deps.stsEndpoint(),
        ]);
        const token = await eksToken({
            cluster: this.endpoint.cluster,
            region: this.endpoint.region,
            stsEndpoint,
            credentials,
            now,
        });
        const config = new k8s.KubeConfig();
        const name = this.endpoint.cluster;
        config.loadFromOptions({
            clusters: [
                { name, server: this.endpoint.server, caData: this.endpoint.caData, skipTLSVerify: false },
            ],
            users: [{ name: 'podid', token: token.token }],
            contexts: [{ name, cluster: name, user: 'podid' }],
            currentContext: name,
        });
        this.token = { ...token, issuedAt: now.getTime() };
        this.apis = {
            core: config.makeApiClient(k8s.CoreV1Api),
            authorization: config.makeApiClient(k8s.AuthorizationV1Api),
            library: k8s,
        };
        return this.apis;
    }
    /** One API call: transient failures retried, a 401 answered with a fresh token once. */
    async call(fn) {
        let renewed = false;
        return (0,retry/* withRetry */.b)(async () => {
            try {
                return await this.attempt(fn, false);
            }
            catch (error) {
                if (!renewed && isKubernetesStatus(error, 401)) {
                    renewed = true;
                    return this.attempt(fn, true);
                }
                throw error;
            }
        }, {
            attempts: 4,
            baseMs: 500,
            maxMs: 4000,
            isRetryable: isTransientKubernetesError,
            sleep: this.deps.sleep,
        });
    }
    async attempt(fn, renew) {
        const apis = await this.current(renew);
        const controller = new AbortController();
        const timer = setTimeout(() => controller.abort(), this.deps.timeoutMs);
        try {
            return await fn({ ...apis, options: cancellable(apis.library, controller.signal) });
        }
        catch (error) {
            if (controller.signal.aborted) {
                const cause = `no answer within ${this.deps.timeoutMs} ms`;
                throw new KubernetesUnreachableError(this.endpoint.server, cause);
            }
            throw kubernetesError(error, this.endpoint.server);
        }
        finally {
            clearTimeout(timer);
        }
    }
}

;// CONCATENATED MODULE: ./src/plan/problems.ts
// Plan-time problems, pointed at the part of the config they are about.
function planProblem(at, path, severity, message, hint) {
    const { file, line, column } = at;
    return { severity, file, line, column, path, message, ...(hint ? { hint } : {}) };
}

;// CONCATENATED MODULE: ./src/plan/kubernetes-access.ts
// Access to a cluster's Kubernetes API, found out at plan time: a plan that needs service accounts
// and cannot read them fails with the fix (the access entry and policy to grant, as commands), and
// Kubernetes changes the planning identity may not make are reported before any of them is tried.


const permissionKey = (p) => `${p.verb} ${p.resource} ${p.namespace}`;
/** What the plan's Kubernetes tasks will ask of the API server, each once. */
function kubernetesPermissions(tasks) {
    const wanted = new Map();
    const add = (verb, resource, namespace) => wanted.set(permissionKey({ verb, resource, namespace }), { verb, resource, namespace });
    for (const task of tasks) {
        if (task.kind === 'create-service-account') {
            const { namespace, createNamespace } = task.params;
            if (createNamespace)
                add('create', 'namespaces', '');
            add(task.change === 'create' ? 'create' : 'patch', 'serviceaccounts', namespace);
        }
        else if (task.kind === 'delete-service-account') {
            add('delete', 'serviceaccounts', task.params.namespace);
        }
        else if (task.kind === 'remove-irsa-annotation') {
            add('patch', 'serviceaccounts', task.params.namespace);
        }
    }
    return [...wanted.values()];
}
/** Where a cluster-wide Kubernetes problem points: the first entry that made the plan need it. */
function kubernetes_access_anchor(spec) {
    const index = spec.podIdentityAssociations.findIndex((e) => e.createServiceAccount);
    if (index < 0)
        return { at: spec.location, path: 'metadata.name' };
    return {
        at: spec.podIdentityAssociations[index].location,
        path: `iam.podIdentityAssociations[${index}].createServiceAccount`,
    };
}
/** The IAM role behind an assumed-role session (access entries name the role, not the session). */
function accessEntryPrincipal(principal) {
    const session = /^arn:(aws[\w-]*):sts::(\d{12}):assumed-role\/([^/]+)\/[^/]+$/.exec(principal);
    return session ? `arn:${session[1]}:iam::${session[2]}:role/${session[3]}` : principal;
}
function grantCommands(live, principal, policy, scope, createEntry) {
    const common = `--cluster-name ${live.name} --principal-arn ${principal} --region ${live.region}`;
    const access = scope === 'cluster'
        ? 'type=cluster'
        : `type=namespace,namespaces=${scope.namespaces.join(',')}`;
    return [
        ...(createEntry ? [`aws eks create-access-entry ${common}`] : []),
        `aws eks associate-access-policy ${common} --policy-arn ${policy} --access-scope ${access}`,
    ].join(' && ');
}
function namespacesOf(spec, live) {
    const read = Object.keys(live.kubernetes?.namespaces ?? {});
    return read.length > 0
        ? read
        : [...new Set(spec.podIdentityAssociations.map((e) => e.namespace))].sort();
}
/** The cluster's Kubernetes API could not be read: one error, with what to do about it. */
function kubernetesReadProblems(spec, live, options) {
    const failure = live.kubernetes?.failure;
    if (!failure)
        return [];
    const { at, path } = kubernetes_access_anchor(spec);
    const who = failure.principal ? accessEntryPrincipal(failure.principal) : undefined;
    const subject = `cluster "${live.name}" (${live.region})`;
    const namespaces = namespacesOf(spec, live);
    const applies = options.kubernetesAccess === 'required';
    const problem = (message, hint) => planProblem(at, path, 'error', message, hint);
    switch (failure.kind) {
        case 'unauthorized':
            return [
                problem(`the Kubernetes API of ${subject} refused ${who ? `the IAM principal ${who}` : 'these credentials'} (401 Unauthorized): it has no access entry on the cluster; the plan reads service accounts there`, `give it one with ${applies ? 'write' : 'at least read'} access to namespaces ${namespaces.join(', ')}${applies ? '' : ` (the apply needs ${kubernetes/* ACCESS_POLICY */.AK.edit} there)`}: ${grantCommands(live, who ?? '<principal-arn>', applies ? kubernetes/* ACCESS_POLICY */.AK.edit : kubernetes/* ACCESS_POLICY */.AK.view, { namespaces }, true)}; the cluster's authentication mode must include API (aws eks update-cluster-config --access-config authenticationMode=API_AND_CONFIG_MAP)`),
            ];
        case 'forbidden':
            return [
                problem(`the Kubernetes API of ${subject} denied ${who ? `the IAM principal ${who}` : 'these credentials'} a read the plan needs: ${failure.message}`, `associate an access policy that can read service accounts and namespaces: ${grantCommands(live, who ?? '<principal-arn>', kubernetes/* ACCESS_POLICY */.AK.view, { namespaces }, false)}`),
            ];
        case 'unreachable':
            return [
                problem(`the Kubernetes API of ${subject} could not be reached: ${failure.message}`, 'the plan reads service accounts through the cluster endpoint; a private-only endpoint answers only inside its VPC: run podid there (e.g. a self-hosted runner), or enable public endpoint access for this network (aws eks update-cluster-config --resources-vpc-config endpointPublicAccess=true,publicAccessCidrs=…)'),
            ];
        case 'error':
            return [
                problem(`reading service accounts of ${subject} failed: ${failure.message}`, 'plan again; if it persists, check the cluster in the EKS console'),
            ];
    }
}
function scopeText(p) {
    return p.namespace ? `in namespace "${p.namespace}"` : 'at the cluster scope';
}
/** Kubernetes changes the planning identity may not make: errors before an apply, else warnings. */
function kubernetesAccessProblems(spec, live, options) {
    const denied = (live.kubernetes?.access ?? []).filter((a) => !a.allowed);
    if (denied.length === 0 || !options.kubernetesAccess)
        return [];
    const severity = options.kubernetesAccess === 'required' ? 'error' : 'warning';
    const who = live.kubernetes?.principal
        ? accessEntryPrincipal(live.kubernetes.principal)
        : undefined;
    const { at, path } = kubernetes_access_anchor(spec);
    return denied.map((p) => {
        const message = `${who ? `the IAM principal ${who}` : 'this identity'} may not ${p.verb} ${p.resource} ${scopeText(p)} on cluster "${live.name}"${p.reason ? ` (${p.reason})` : ''}; the plan needs it`;
        const hint = p.resource === 'namespaces'
            ? `create the namespace first, or grant it cluster-wide: ${grantCommands(live, who ?? '<principal-arn>', kubernetes/* ACCESS_POLICY */.AK.clusterAdmin, 'cluster', false)} (or bind a ClusterRole that may create namespaces to a Kubernetes group of its access entry)`
            : `grant it in that namespace: ${grantCommands(live, who ?? '<principal-arn>', kubernetes/* ACCESS_POLICY */.AK.edit, { namespaces: [p.namespace] }, false)}`;
        return planProblem(at, path, severity, message, hint);
    });
}

;// CONCATENATED MODULE: ./src/plan/task-builders.ts
// Task constructors: stable ids (`<kind>:<ns>/<sa>`) and eksctl's wording for descriptions, so the
// rest of the planner only decides *what* to do.

function base(kind, target, change, c) {
    const task = {
        id: `${kind}:${target}${c.idSuffix ? `:${c.idSuffix}` : ''}`,
        change,
        target,
        reason: c.reason,
        dependsOn: [...(c.dependsOn ?? [])],
    };
    if (c.before && Object.keys(c.before).length > 0)
        task.before = c.before;
    if (c.after && Object.keys(c.after).length > 0)
        task.after = c.after;
    return task;
}
const addonTarget = (addon) => `addon:${addon}`;
/** Role stack tasks group with their association, or with their add-on (one id per service account). */
function roleBase(kind, owner, change, c) {
    if (owner.kind === 'association')
        return base(kind, owner.key, change, c);
    const suffix = [owner.serviceAccount, c.idSuffix].filter(Boolean).join(':');
    return base(kind, addonTarget(owner.addon), change, { ...c, idSuffix: suffix });
}
const roleSubject = (owner) => owner.kind === 'association'
    ? `pod identity association for service account "${owner.key}"`
    : `addon ${owner.addon} service account "${owner.serviceAccount}"`;
function createRoleStackTask(owner, params, c) {
    return {
        ...roleBase('create-role-stack', owner, 'create', c),
        kind: 'create-role-stack',
        description: `create IAM role for ${roleSubject(owner)}`,
        params,
    };
}
function updateRoleStackTask(owner, params, c) {
    const subject = owner.kind === 'association'
        ? `pod identity association "${owner.key}"`
        : `addon ${owner.addon} service account "${owner.serviceAccount}"`;
    return {
        ...roleBase('update-role-stack', owner, 'update', c),
        kind: 'update-role-stack',
        description: `update IAM resources stack "${params.stackName}" for ${subject}`,
        params,
    };
}
function deleteRoleStackTask(owner, params, c) {
    return {
        ...roleBase('delete-role-stack', owner, 'delete', c),
        kind: 'delete-role-stack',
        description: `deleting IAM resources stack "${params.stackName}"`,
        params,
    };
}
/** Deletes an existing stack (a role no longer used, or pruned), showing what it was. */
function deleteStackTask(owner, stack, c) {
    return deleteRoleStackTask(owner, {
        stackName: stack.stackName,
        stackId: stack.stackId,
        terminationProtection: stack.terminationProtection,
    }, { ...c, before: { stackName: stack.stackName, status: stack.status } });
}
function createAssociationTask(params, c) {
    const key = (0,names_tags/* associationKey */.nU)(params.namespace, params.serviceAccount);
    return {
        ...base('create-association', key, 'create', c),
        kind: 'create-association',
        description: `create pod identity association for service account "${key}"`,
        params,
    };
}
function updateAssociationTask(params, c) {
    const key = (0,names_tags/* associationKey */.nU)(params.namespace, params.serviceAccount);
    return {
        ...base('update-association', key, 'update', c),
        kind: 'update-association',
        description: `update pod identity association ${key}`,
        params,
    };
}
function deleteAssociationTask(params, c) {
    const key = (0,names_tags/* associationKey */.nU)(params.namespace, params.serviceAccount);
    return {
        ...base('delete-association', key, 'delete', c),
        kind: 'delete-association',
        description: `delete pod identity association "${key}"`,
        params,
    };
}
/** Adopting = only adding the owner tag; any other tag change makes it an update. */
function tagAssociationTask(params, adopt, c) {
    const key = (0,names_tags/* associationKey */.nU)(params.namespace, params.serviceAccount);
    return {
        ...base('tag-association', key, adopt ? 'adopt' : 'update', c),
        kind: 'tag-association',
        description: adopt
            ? `adopt pod identity association "${key}"`
            : `update tags of pod identity association "${key}"`,
        params,
    };
}
/** An add-on's own task: id `<kind>:<addon>`, grouped with the add-on's role stacks. */
function addonBase(kind, addonName, change, c) {
    return { ...base(kind, addonTarget(addonName), change, c), id: `${kind}:${addonName}` };
}
function createAddonTask(params, c) {
    // eksctl's wording for the agent install step (migrate-to-pod-identity plan), for every add-on.
    const description = `install ${params.addonName} addon`;
    return {
        ...addonBase('create-addon', params.addonName, 'create', c),
        kind: 'create-addon',
        description,
        params,
    };
}
function updateAddonTask(params, c, migrates = false) {
    // eksctl's migrate-to-pod-identity wording when an IRSA add-on gets its first associations.
    const description = migrates
        ? `migrate addon ${params.addonName} to pod identity`
        : `update ${params.addonName} addon`;
    return {
        ...addonBase('update-addon', params.addonName, 'update', c),
        kind: 'update-addon',
        description,
        params,
    };
}
function deleteAddonTask(params, c) {
    const description = `delete ${params.addonName} addon`;
    return {
        ...addonBase('delete-addon', params.addonName, 'delete', c),
        kind: 'delete-addon',
        description,
        params,
    };
}
/** Adopting = only adding the owner tag; any other tag change makes it an update. */
function tagAddonTask(params, adopt, c) {
    const description = adopt
        ? `adopt ${params.addonName} addon`
        : `update tags of ${params.addonName} addon`;
    const change = adopt ? 'adopt' : 'update';
    return {
        ...addonBase('tag-addon', params.addonName, change, c),
        kind: 'tag-addon',
        description,
        params,
    };
}
/** eksctl's task (reference §2.2 b): the namespace if missing, then the service account or its label. */
function createServiceAccountTask(params, exists, c) {
    const key = (0,names_tags/* associationKey */.nU)(params.namespace, params.serviceAccount);
    return {
        ...base('create-service-account', key, exists ? 'update' : 'create', c),
        kind: 'create-service-account',
        description: `create service account "${key}", if it does not already exist`,
        params,
    };
}
/** eksctl's task (reference §5 b): only a service account eksctl's label says it made. */
function deleteServiceAccountTask(params, c) {
    const key = (0,names_tags/* associationKey */.nU)(params.namespace, params.serviceAccount);
    return {
        ...base('delete-service-account', key, 'delete', c),
        kind: 'delete-service-account',
        description: `delete service account "${key}", if it exists and is managed by eksctl`,
        params,
    };
}
/** eksctl's migration task (reference §7.4), grouped with the association or add-on it serves. */
function updateTrustPolicyTask(target, params, owned, c) {
    return {
        ...base('update-trust-policy', target, 'update', c),
        kind: 'update-trust-policy',
        description: `update trust policy for ${owned ? 'owned' : 'unowned'} role "${params.roleName}"`,
        params,
    };
}
function removeIrsaAnnotationTask(params, c) {
    const key = (0,names_tags/* associationKey */.nU)(params.namespace, params.serviceAccount);
    return {
        ...base('remove-irsa-annotation', key, 'update', c),
        kind: 'remove-irsa-annotation',
        description: `remove iamserviceaccount EKS role annotation for "${key}"`,
        params,
    };
}

;// CONCATENATED MODULE: ./src/plan/service-account-plan.ts
// Kubernetes service accounts, with eksctl's semantics: `createServiceAccount` makes one (and its
// namespace) before the association, labelled as eksctl's, or merges that label into an existing
// one; pruning an association deletes its service account only when that label says eksctl made it.



const EKSCTL_LABEL = { [kubernetes/* MANAGED_BY_LABEL */.lT]: kubernetes/* MANAGED_BY_EKSCTL */.PN };
const LABEL_TEXT = `${kubernetes/* MANAGED_BY_LABEL */.lT}=${kubernetes/* MANAGED_BY_EKSCTL */.PN}`;
/** Whether prune deletes this association (the one rule, shared with prune-plan.ts). */
function prunes(association, options) {
    if (association.ownerArn)
        return false;
    if (options.prune === 'all')
        return true;
    return options.prune === 'managed' && association.tags[names_tags/* OWNER_TAG */.FX] === options.ownerId;
}
/**
 * The namespaces whose service accounts the plan needs: those of `createServiceAccount` entries,
 * and those of the associations prune would delete. None: Kubernetes is not called at all.
 */
function namespacesToRead(entries, associations, options) {
    const configured = new Set(entries.map((e) => (0,names_tags/* associationKey */.nU)(e.namespace, e.serviceAccountName)));
    // remove-oidc-trust also takes the IRSA annotation off the entries' service accounts.
    const namespaces = new Set(entries
        .filter((e) => e.createServiceAccount || options.removeOidcTrust)
        .map((e) => e.namespace));
    for (const a of associations) {
        if (!configured.has((0,names_tags/* associationKey */.nU)(a.namespace, a.serviceAccount)) && prunes(a, options))
            namespaces.add(a.namespace);
    }
    return [...namespaces].sort();
}
function liveServiceAccount(live, namespace, name) {
    return live.kubernetes?.serviceAccounts.find((s) => s.namespace === namespace && s.name === name);
}
const isEksctls = (sa) => sa.labels[kubernetes/* MANAGED_BY_LABEL */.lT] === kubernetes/* MANAGED_BY_EKSCTL */.PN;
/** The entry's `create-service-account` task, or none when its service account is already eksctl's. */
function planServiceAccount(live, entry) {
    const kube = live.kubernetes;
    // Unread (the failure is the cluster's plan error, see kubernetes-access.ts): nothing to plan on.
    if (!entry.createServiceAccount || !kube || kube.failure)
        return undefined;
    const { namespace, serviceAccountName: name } = entry;
    const sa = liveServiceAccount(live, namespace, name);
    if (sa && isEksctls(sa))
        return undefined;
    const namespaceExists = kube.namespaces[namespace] === true;
    const params = {
        clusterName: live.name,
        namespace,
        serviceAccount: name,
        createNamespace: !namespaceExists,
        labels: { ...EKSCTL_LABEL },
    };
    if (sa) {
        return createServiceAccountTask(params, true, {
            reason: `exists without the label ${LABEL_TEXT}`,
            before: { labels: sa.labels },
            after: { labels: { ...sa.labels, ...EKSCTL_LABEL } },
        });
    }
    return createServiceAccountTask(params, false, {
        reason: namespaceExists ? 'not in cluster' : `not in cluster, nor is namespace "${namespace}"`,
        after: {
            labels: { ...EKSCTL_LABEL },
            ...(namespaceExists ? {} : { createNamespace: namespace }),
        },
    });
}
/**
 * What happens to the service account of an association prune deletes: a `delete-service-account`
 * task when eksctl's label is on it, else a note for the deletion's reason (it is left alone).
 */
function planServiceAccountDeletion(live, association) {
    const kube = live.kubernetes;
    if (!kube || kube.failure)
        return {};
    const { namespace, serviceAccount } = association;
    const key = (0,names_tags/* associationKey */.nU)(namespace, serviceAccount);
    const sa = liveServiceAccount(live, namespace, serviceAccount);
    if (!sa)
        return { note: `service account "${key}" does not exist` };
    if (!isEksctls(sa)) {
        return {
            note: `service account "${key}" is left alone: it was not created by eksctl (no label ${LABEL_TEXT})`,
        };
    }
    const task = deleteServiceAccountTask({ clusterName: live.name, namespace, serviceAccount }, {
        reason: `its association goes, and it carries ${LABEL_TEXT}`,
        before: { labels: sa.labels },
    });
    return { task };
}

;// CONCATENATED MODULE: ./src/state/kubernetes.ts
// Reads what the plan needs of a cluster's Kubernetes API: for each namespace involved, whether it
// exists and all its service accounts. A failure is recorded, not thrown: the AWS side of the plan
// stays readable, and the plan says what access is missing and how to grant it.




/** Namespaces read at once: a plan touching hundreds of them must not burst the API server. */
const NAMESPACES_AT_ONCE = 8;
function failureOf(error) {
    if (error instanceof KubernetesApiError && error.status === 401)
        return { kind: 'unauthorized', message: error.message };
    if (error instanceof KubernetesApiError && error.status === 403)
        return { kind: 'forbidden', message: error.serverMessage ?? error.message };
    if (error instanceof KubernetesUnreachableError)
        return { kind: 'unreachable', message: error.message };
    return { kind: 'error', message: (0,errors/* errorMessage */.gJ)(error) };
}
async function readKubernetes(session, namespaces, whoAmI) {
    const live = { namespaces: {}, serviceAccounts: [] };
    try {
        if (!session)
            throw new Error('EKS gave no Kubernetes endpoint for the cluster');
        const kube = session();
        const limit = (0,p_limit/* default */.A)(NAMESPACES_AT_ONCE);
        const read = await Promise.all(namespaces.map((namespace) => limit(async () => {
            const exists = await namespaceExists(kube, namespace);
            const accounts = exists ? await listServiceAccounts(kube, namespace) : [];
            return { namespace, exists, accounts };
        })));
        for (const { namespace, exists, accounts } of read) {
            live.namespaces[namespace] = exists;
            live.serviceAccounts.push(...accounts);
        }
    }
    catch (error) {
        const failure = failureOf(error);
        if (failure.kind === 'unauthorized' || failure.kind === 'forbidden') {
            const principal = await whoAmI();
            if (principal)
                failure.principal = principal;
        }
        return { namespaces: {}, serviceAccounts: [], failure };
    }
    return live;
}
/** SelfSubjectAccessReview for each permission the plan's tasks need. */
async function checkKubernetesAccess(session, wanted) {
    return Promise.all(wanted.map((w) => canI(session, w)));
}

// EXTERNAL MODULE: ./src/names/addons.ts
var names_addons = __webpack_require__(5605);
// EXTERNAL MODULE: ./src/review/fingerprint.ts
var fingerprint = __webpack_require__(336);
// EXTERNAL MODULE: ./src/lib/canonical-json.ts
var canonical_json = __webpack_require__(1400);
;// CONCATENATED MODULE: ./src/live/addon-versions.ts
// Which add-on version a config asks for, read against what EKS offers for the cluster's Kubernetes
// version (DescribeAddonVersions), as eksctl resolves it: the state reader uses it to fetch that
// version's pod identity configuration, the planner to plan the version. Pure.
/** hashicorp/go-version's shape, as eksctl parses add-on versions: `v1.19.2-eksbuild.5`. */
const VERSION = /^v?([0-9]+(?:\.[0-9]+)*)(?:-?([0-9A-Za-z\-~]+(?:\.[0-9A-Za-z\-~]+)*))?(?:\+[0-9A-Za-z\-~.]+)?$/;
function parse(version) {
    const m = VERSION.exec(version);
    if (!m)
        return undefined;
    const segments = m[1].split('.').map(Number);
    while (segments.length < 3)
        segments.push(0);
    return { segments, prerelease: m[2] ?? '' };
}
const isNumeric = (s) => /^[0-9]+$/.test(s);
function comparePart(a, b) {
    if (a === b)
        return 0;
    if (a === '')
        return isNumeric(b) ? -1 : 1;
    if (b === '')
        return isNumeric(a) ? 1 : -1;
    if (isNumeric(a) && isNumeric(b))
        return Number(a) - Number(b);
    if (isNumeric(a))
        return -1;
    if (isNumeric(b))
        return 1;
    return a < b ? -1 : 1;
}
function comparePrereleases(a, b) {
    if (a === b)
        return 0;
    if (a === '')
        return 1; // a release is newer than any of its prereleases
    if (b === '')
        return -1;
    const x = a.split('.');
    const y = b.split('.');
    for (let i = 0; i < Math.max(x.length, y.length); i++) {
        const d = comparePart(x[i] ?? '', y[i] ?? '');
        if (d !== 0)
            return d;
    }
    return 0;
}
/** go-version's order: numeric segments, then a release above its prereleases (`-eksbuild.N` by N). */
function compareAddonVersions(a, b) {
    const x = parse(a);
    const y = parse(b);
    if (!x || !y)
        return a < b ? -1 : a > b ? 1 : 0;
    for (let i = 0; i < Math.max(x.segments.length, y.segments.length); i++) {
        const d = (x.segments[i] ?? 0) - (y.segments[i] ?? 0);
        if (d !== 0)
            return d;
    }
    return comparePrereleases(x.prerelease, y.prerelease);
}
const listHint = (kubernetesVersion) => `"aws eks describe-addon-versions --kubernetes-version ${kubernetesVersion} --addon-name NAME" lists what EKS offers`;
/**
 * eksctl's resolution (getLatestMatchingVersion): no version → the default for the cluster's
 * Kubernetes version; an exact version → itself; `latest` → the newest; part of a version (`1.19`)
 * → the newest that contains it.
 */
function resolveAddonVersion(addon, kubernetesVersion, versions, requested) {
    if (versions.length === 0) {
        return {
            problem: {
                message: `no versions available for "${addon}"`,
                hint: `EKS offers no add-on "${addon}" for Kubernetes ${kubernetesVersion}; check the name (${listHint(kubernetesVersion)})`,
            },
        };
    }
    if (!requested) {
        const preferred = versions.find((v) => v.isDefault);
        if (preferred)
            return { version: preferred };
    }
    else {
        const exact = versions.find((v) => v.version === requested);
        if (exact)
            return { version: exact };
        const candidates = versions.filter((v) => requested === 'latest' || v.version.includes(requested));
        const unparsable = candidates.find((v) => parse(v.version) === undefined);
        if (unparsable) {
            return {
                problem: {
                    message: `failed to parse version "${unparsable.version}": malformed version: ${unparsable.version}`,
                    hint: 'name an exact version of the add-on instead',
                },
            };
        }
        if (candidates.length > 0) {
            const newest = [...candidates].sort((a, b) => compareAddonVersions(b.version, a.version));
            return { version: newest[0] };
        }
    }
    const offered = [...versions]
        .sort((a, b) => compareAddonVersions(b.version, a.version))
        .slice(0, 5)
        .map((v) => v.version);
    return {
        problem: {
            message: `no version(s) found matching "${requested ?? ''}" for "${addon}"`,
            hint: `use latest, leave version out for the default, or one of: ${offered.join(', ')}`,
        },
    };
}
/** The version the add-on will run: the live one when the config names none, else the resolved one. */
function targetAddonVersion(addon, kubernetesVersion, versions, requested, liveVersion) {
    if (!requested && liveVersion) {
        // eksctl keeps the running version; one EKS no longer lists for this Kubernetes version still runs.
        const listed = versions.find((v) => v.version === liveVersion);
        return {
            version: listed ?? { version: liveVersion, isDefault: false, requiresIamPermissions: false },
        };
    }
    return resolveAddonVersion(addon, kubernetesVersion, versions, requested);
}

;// CONCATENATED MODULE: ./src/plan/take-over.ts
// Ownership take-over: a resource the config names but another owner id manages is a plan error,
// unless the run was told to take that owner's resources over (CLI --take-over, input take-over).
// Then it is planned as ours, and the owner tag's change is a task of its own in the plan, reviewed
// like any other (`~ tag podid-action/managed-by: "old" -> "new"`).

/** Whether this run may plan a resource whose owner tag is `owner` (undefined: no owner tag). */
function mayManage(owner, options) {
    return owner === undefined || owner === options.ownerId || !!options.takeOver?.includes(owner);
}
/** The error of a resource another owner manages, with the two ways out. */
function managedElsewhere(what, owner, options) {
    return {
        message: `${what} is managed by "${owner}" (tag ${names_tags/* OWNER_TAG */.FX}), not by "${options.ownerId}"`,
        hint: `remove it from this config, or take it over on purpose: --take-over "${owner}" (action input take-over)`,
    };
}
/** The reason of the tag task that moves a resource from `from` to this owner. */
const takeOverReason = (from) => `take over from "${from}" (take-over): managed by this owner from now on`;

;// CONCATENATED MODULE: ./src/plan/addon-checks.ts
// What the plan says about one add-on besides its tasks: the live state or ownership that stops it,
// what the live add-on keeps because the config does not set it, and legal plans rarely meant
// (a downgrade, a role without permissions, an association namespace EKS will not use).




/** The health issues of an add-on, as a clause to append: ` (Code: message; …)`. */
function addonIssuesSummary(live) {
    if (live.issues.length === 0)
        return '';
    return ` (${live.issues.map((i) => `${i.code}: ${i.message}`).join('; ')})`;
}
/** Where EKS puts the add-on: namespaceConfig, else the live add-on's, else EKS's default. */
function addonNamespace(scope) {
    return (scope.addon.namespaceConfig?.namespace ||
        scope.live?.namespace ||
        scope.catalog.defaultNamespace);
}
/**
 * Like eksctl, an unset field leaves the live value alone; the plan says so rather than claim the
 * add-on matches a config that does not mention it.
 */
function leftAsIs(scope) {
    const { addon, live, path } = scope;
    if (!live)
        return [];
    const at = { line: addon.location.line, column: addon.location.column };
    const out = [];
    if (!addon.configurationValues?.trim() && live.configurationValues?.trim()) {
        out.push({
            path: `${path}.configurationValues`,
            ...at,
            reason: "not set, so the add-on's live configuration values are left as they are; set configurationValues: '{}' to return to the add-on's defaults",
        });
    }
    const irsaKept = !addon.serviceAccountRoleARN || !scope.version.requiresIamPermissions;
    if (irsaKept && live.serviceAccountRoleArn) {
        out.push({
            path: `${path}.serviceAccountRoleARN`,
            ...at,
            reason: `not set, so the add-on keeps its IRSA role ${live.serviceAccountRoleArn} (with the agent installed, EKS gives the add-on's pod identity associations precedence over it)`,
        });
    }
    return out;
}
/** Warnings about what the plan would do that is legal but rarely meant. */
function surprises(scope, decision) {
    const { addon, live, path } = scope;
    const out = [];
    if (live && compareAddonVersions(scope.version.version, live.version) < 0) {
        out.push(planProblem(addon.location, addon.version ? `${path}.version` : path, 'warning', `addon ${addon.name} would go from ${live.version} down to ${scope.version.version}`, 'check that a downgrade is what you mean; pin the running version to keep it'));
    }
    for (const want of decision.desired ?? []) {
        if (want.entry.permissionPolicyARNs.length > 0 || want.entry.permissionPolicy)
            continue;
        if (addon.podIdentityAssociations?.length)
            continue; // the user's own entries are checked by the config rules
        out.push(planProblem(addon.location, path, 'warning', `EKS recommends no managed policy for service account "${want.serviceAccount}" of addon ${addon.name}: its role is created without permissions`, `list the service account under podIdentityAssociations with the policies it needs`));
    }
    return out;
}
/** An add-on association's namespace that EKS will not use: the add-on's own namespace wins. */
function namespaceMismatches(scope) {
    const namespace = addonNamespace(scope);
    if (!namespace)
        return [];
    return (scope.addon.podIdentityAssociations ?? []).flatMap((entry, i) => entry.namespace && entry.namespace !== namespace
        ? [
            planProblem(entry.location, `${scope.path}.podIdentityAssociations[${i}].namespace`, 'warning', `the association of service account "${entry.serviceAccountName}" names namespace "${entry.namespace}", but EKS creates the add-on's associations in the add-on's namespace "${namespace}"`, `set namespace: ${namespace} on the association (eksctl's role stack tag records the namespace written here)`),
        ]
        : []);
}
/** The add-on's own state or ownership stops the plan of it. */
function liveProblems(scope) {
    const { addon, live, ctx, path } = scope;
    if (!live)
        return [];
    const at = addon.location;
    const out = [];
    const owner = live.tags[names_tags/* OWNER_TAG */.FX];
    if (owner !== undefined && !mayManage(owner, ctx.options)) {
        const { message, hint } = managedElsewhere(`addon ${addon.name}`, owner, ctx.options);
        out.push(planProblem(at, path, 'error', message, hint));
    }
    const wanted = addon.namespaceConfig?.namespace;
    if (wanted && live.namespace && wanted !== live.namespace) {
        out.push(planProblem(at, `${path}.namespaceConfig.namespace`, 'error', `addon ${addon.name} runs in namespace "${live.namespace}", not "${wanted}"; EKS cannot move an add-on to another namespace`, 'delete the add-on and create it again to change its namespace, or keep the live namespace'));
    }
    if (live.status === 'DELETE_FAILED') {
        out.push(planProblem(at, path, 'error', `addon ${addon.name} is DELETE_FAILED${addonIssuesSummary(live)}`, 'fix the cause and delete the add-on, then plan again'));
    }
    else if (live.status === 'DEGRADED') {
        out.push(planProblem(at, path, 'warning', `addon ${addon.name} is DEGRADED${addonIssuesSummary(live)}`));
    }
    return out;
}
/** Every problem of the add-on that is not about its roles. */
function addonChecks(scope, decision) {
    return [...liveProblems(scope), ...namespaceMismatches(scope), ...surprises(scope, decision)];
}

;// CONCATENATED MODULE: ./src/cfn/vpc-cni-ipv6-policy.ts
// eksctl's inline policy for vpc-cni on an IPv6 cluster (the recommended managed policy covers IPv4
// only): the role it auto-applies for `aws-node` carries this document as `Policy1`. The partition is
// a literal, from the region, as eksctl writes it.
const PARTITION_PREFIXES = [
    ['cn-', 'aws-cn'],
    ['us-gov-', 'aws-us-gov'],
    ['us-isob-', 'aws-iso-b'],
    ['us-iso-', 'aws-iso'],
    ['eu-isoe-', 'aws-iso-e'],
    ['us-isof-', 'aws-iso-f'],
];
/** The AWS partition of a region. */
function partitionOfRegion(region) {
    return PARTITION_PREFIXES.find(([prefix]) => region.startsWith(prefix))?.[1] ?? 'aws';
}
function ipv6VpcCniPolicy(region) {
    return {
        Version: '2012-10-17',
        Statement: [
            {
                Effect: 'Allow',
                Action: [
                    'ec2:AssignIpv6Addresses',
                    'ec2:DescribeInstances',
                    'ec2:DescribeTags',
                    'ec2:DescribeNetworkInterfaces',
                    'ec2:DescribeInstanceTypes',
                    'ec2:DescribeSubnets',
                    'ec2:DescribeSecurityGroups',
                ],
                Resource: '*',
            },
            {
                Effect: 'Allow',
                Action: ['ec2:CreateTags'],
                Resource: `arn:${partitionOfRegion(region)}:ec2:*:*:network-interface/*`,
            },
        ],
    };
}

// EXTERNAL MODULE: ./src/config/model.ts
var model = __webpack_require__(615);
;// CONCATENATED MODULE: ./src/plan/addon-identity.ts
// Which service accounts of one add-on get which role (reference §6.2–§6.3): explicit
// `podIdentityAssociations`, EKS's recommended ones (`useDefaultPodIdentityAssociations`, or
// `addonsConfig.autoApplyPodIdentityAssociations` when the add-on is created), `[]` (none), or
// "leave them alone", decided in eksctl's branch order with eksctl's errors and warnings.



function ownedAssociations(scope) {
    const arn = scope.live?.arn;
    return arn ? scope.ctx.live.associations.filter((a) => a.ownerArn === arn) : [];
}
function problem(scope, severity, message, hint) {
    return planProblem(scope.addon.location, scope.path, severity, message, hint);
}
const hasIrsa = (addon) => !!addon.serviceAccountRoleARN ||
    addon.attachPolicyARNs.length > 0 ||
    addon.attachPolicy !== undefined ||
    Object.values(addon.wellKnownPolicies).some(Boolean);
/** The add-on version's `podIdentityConfiguration` (empty: no pod identity support). */
function recommended(scope) {
    return scope.catalog.podIdentity[scope.version.version] ?? [];
}
function fromConfig(addon, path) {
    return (addon.podIdentityAssociations ?? []).map((spec, i) => ({
        serviceAccount: spec.serviceAccountName,
        namespace: spec.namespace,
        entry: spec,
        source: { spec, path: `${path}.podIdentityAssociations[${i}]` },
    }));
}
/**
 * EKS's recommended roles; vpc-cni on IPv6 needs eksctl's own policy instead of the managed one.
 * eksctl applies that policy on create only, so its update would strip the IPv6 permissions it
 * granted; here create and update want the same role (docs/eksctl-differences.md).
 */
function fromRecommendations(scope) {
    const { addon, ctx } = scope;
    const role = (policies) => ({
        permissionPolicyARNs: [],
        wellKnownPolicies: (0,model/* noWellKnownPolicies */.z)(),
        ...policies,
    });
    if (addon.name === 'vpc-cni' && ctx.live.ipFamily === 'ipv6') {
        const entry = role({ permissionPolicy: ipv6VpcCniPolicy(ctx.spec.region) });
        return [{ serviceAccount: 'aws-node', namespace: '', entry }];
    }
    return recommended(scope).map((r) => ({
        serviceAccount: r.serviceAccount,
        namespace: '',
        entry: role({ permissionPolicyARNs: r.recommendedManagedPolicies }),
    }));
}
function iamRequiredWarning(scope) {
    const name = scope.addon.name;
    const supported = recommended(scope).length > 0;
    return supported
        ? problem(scope, 'warning', `IAM permissions are required for "${name}" addon; the recommended way to provide IAM permissions for "${name}" addon is via pod identity associations`, 'set useDefaultPodIdentityAssociations: true on the add-on, or list its podIdentityAssociations')
        : problem(scope, 'warning', `IAM permissions are required for "${name}" addon; the recommended way to provide IAM permissions for "${name}" addon is via IRSA`, 'set serviceAccountRoleARN to an IRSA role for it (podid-action does not create IRSA roles)');
}
/** The version needs no IAM: eksctl ignores whatever the config says about roles. */
function notRequired(scope) {
    const { addon } = scope;
    const asked = (addon.podIdentityAssociations?.length ?? 0) > 0 ||
        addon.useDefaultPodIdentityAssociations ||
        hasIrsa(addon);
    const warning = problem(scope, 'warning', `IAM permissions are not required for "${addon.name}" addon; any IRSA configuration or pod identity associations will be ignored`);
    return { problems: asked ? [warning] : [] };
}
function unsupported(scope) {
    return problem(scope, 'error', `"${scope.addon.name}" addon does not support pod identity associations; use IRSA config (\`addon.serviceAccountRoleARN\`, \`addon.attachPolicyARNs\`, \`addon.attachPolicy\` or \`addon.wellKnownPolicies\`) instead`, `version ${scope.version.version} of the add-on has no podIdentityConfiguration (aws eks describe-addon-configuration)`);
}
/** eksctl's create branches (§6.2 step 3), for an add-on that is not on the cluster yet. */
function forCreate(scope) {
    const { addon, ctx } = scope;
    if (!scope.version.requiresIamPermissions)
        return notRequired(scope);
    const supported = recommended(scope).length > 0;
    if ((addon.podIdentityAssociations?.length ?? 0) > 0) {
        return supported
            ? { desired: fromConfig(addon, scope.path), problems: [] }
            : { problems: [unsupported(scope)] };
    }
    if (hasIrsa(addon)) {
        const warning = problem(scope, 'warning', `the recommended way to provide IAM permissions for "${addon.name}" addon is via pod identity associations`, 'replace the IRSA settings with podIdentityAssociations, or set useDefaultPodIdentityAssociations: true');
        return { problems: supported ? [warning] : [] };
    }
    const auto = ctx.spec.addonsConfig.autoApplyPodIdentityAssociations;
    // `[]` means none, on create as on update; eksctl's create would apply autoApply's roles and its
    // next update delete them again (docs/eksctl-differences.md).
    if (addon.podIdentityAssociations !== undefined && !addon.useDefaultPodIdentityAssociations) {
        return { problems: [] };
    }
    if ((auto || addon.useDefaultPodIdentityAssociations) && supported) {
        return { desired: fromRecommendations(scope), problems: [] };
    }
    return { problems: [iamRequiredWarning(scope)] };
}
function mustListExplicitly(scope, first) {
    const { addon, ctx } = scope;
    return problem(scope, 'error', `addon ${addon.name} has pod identity associations, to remove pod identity associations from an addon, addon.podIdentityAssociations must be explicitly set to []; if the addon was migrated to use pod identity, addon.podIdentityAssociations must be set to values obtained from \`aws eks describe-pod-identity-association --cluster-name=${ctx.spec.name} --association-id=${first.associationId}\``, 'list the associations under the add-on (or set useDefaultPodIdentityAssociations: true) to keep them, or write podIdentityAssociations: [] to remove them');
}
/** eksctl's update rules (§6.3 steps 3–5), for an add-on that is on the cluster. */
function forUpdate(scope) {
    const { addon, ctx } = scope;
    const owned = ownedAssociations(scope);
    const explicit = addon.podIdentityAssociations;
    const useDefault = addon.useDefaultPodIdentityAssociations;
    const auto = ctx.spec.addonsConfig.autoApplyPodIdentityAssociations;
    if (owned.length > 0 && explicit === undefined && !useDefault && !auto) {
        return { problems: [mustListExplicitly(scope, owned[0])] };
    }
    if ((explicit?.length ?? 0) > 0 || useDefault) {
        if (!scope.version.requiresIamPermissions)
            return notRequired(scope);
        if (recommended(scope).length === 0)
            return { problems: [unsupported(scope)] };
        const desired = useDefault ? fromRecommendations(scope) : fromConfig(addon, scope.path);
        return { desired, problems: [] };
    }
    if (owned.length > 0 && hasIrsa(addon)) {
        const message = `cannot set IRSA config (\`addon.serviceAccountRoleARN\`, \`addon.attachPolicyARNs\`, \`addon.attachPolicy\`, \`addon.wellKnownPolicies\`) if addon has existing pod identity associations (addon: ${addon.name})`;
        return {
            problems: [problem(scope, 'error', message, 'remove the IRSA settings from the add-on')],
        };
    }
    if (explicit !== undefined && owned.length > 0) {
        const note = `addon.podIdentityAssociations is explicitly set to []; all pod identity associations corresponding to addon ${addon.name} will be deleted`;
        return { desired: [], problems: [], note };
    }
    return { problems: owned.length > 0 ? [] : autoApplyOnExisting(scope) };
}
/** autoApply creates roles when an add-on is created only: say so when it would have applied. */
function autoApplyOnExisting(scope) {
    const { addon, ctx, live } = scope;
    const auto = ctx.spec.addonsConfig.autoApplyPodIdentityAssociations;
    if (!auto || hasIrsa(addon) || live?.serviceAccountRoleArn)
        return [];
    if (!scope.version.requiresIamPermissions || recommended(scope).length === 0)
        return [];
    return [
        problem(scope, 'warning', `addonsConfig.autoApplyPodIdentityAssociations applies when an add-on is created; "${addon.name}" exists, so no role is created for it`, 'set useDefaultPodIdentityAssociations: true on the add-on to give it its recommended roles'),
    ];
}
function decideIdentity(scope) {
    return scope.live ? forUpdate(scope) : forCreate(scope);
}

;// CONCATENATED MODULE: ./src/cfn/stack-tags.ts
// The tags of the role stacks we create: eksctl's (reference §0), so stacks made by eksctl and by
// podid-action are interchangeable, plus our owner tag; and when live tags differ enough to update.

/** eksctl's shared tags of every stack it makes for a cluster, with `metadata.tags`. */
function sharedStackTags(spec) {
    return {
        [names_tags/* CLUSTER_NAME_TAG */.mT]: spec.name,
        [names_tags/* OLD_CLUSTER_NAME_TAG */.EJ]: spec.name,
        [names_tags/* EKSCTL_VERSION_TAG */.pz]: names_tags/* EKSCTL_VERSION_TAG_VALUE */.Ze,
        ...spec.tags,
    };
}
/** Tags of the role stack for one `iam.podIdentityAssociations` entry. */
function roleStackTags(spec, entry, ownerId) {
    return {
        ...sharedStackTags(spec),
        ...entry.tags,
        [names_tags/* POD_IDENTITY_ASSOCIATION_TAG */.Ib]: (0,names_tags/* associationKey */.nU)(entry.namespace, entry.serviceAccountName),
        [names_tags/* OWNER_TAG */.FX]: ownerId,
    };
}
/** Tags of the role stack for one service account of an add-on (an empty namespace gives `/<sa>`). */
function addonRoleStackTags(spec, addon, namespace, serviceAccount, ownerId) {
    return {
        ...sharedStackTags(spec),
        [names_tags/* ADDON_NAME_TAG */.IK]: addon,
        [names_tags/* ADDON_POD_IDENTITY_ASSOCIATION_TAG */.TO]: (0,names_tags/* associationKey */.nU)(namespace, serviceAccount),
        [names_tags/* OWNER_TAG */.FX]: ownerId,
    };
}
/**
 * Whether live stack tags differ from the desired ones in a way worth a stack update. Ignored:
 * the eksctl-version value (it differs between tools and versions), `aws:` keys, and the owner tag
 * (an eksctl-made stack without it is adopted through its association, not by updating the stack).
 */
function stackTagsDiffer(live, desired) {
    const relevant = (tags) => new Map(Object.entries(tags).filter(([key]) => !(0,names_tags/* isAwsTag */.AK)(key) && key !== names_tags/* EKSCTL_VERSION_TAG */.pz && key !== names_tags/* OWNER_TAG */.FX));
    const a = relevant(live);
    const b = relevant(desired);
    if (a.size !== b.size)
        return true;
    for (const [key, value] of b)
        if (a.get(key) !== value)
            return true;
    return false;
}

// EXTERNAL MODULE: ./src/names/stack-names.ts
var stack_names = __webpack_require__(5737);
// EXTERNAL MODULE: ./src/config/limits.ts
var limits = __webpack_require__(9304);
// EXTERNAL MODULE: ./src/config/schema.ts
var schema = __webpack_require__(131);
;// CONCATENATED MODULE: ./src/plan/policy-checks.ts
// Plan-time checks of the managed policies and permissions boundary of a role the plan creates or
// updates: what would make CloudFormation fail and roll the role stack back at apply time (a policy
// that does not exist, one that cannot be attached, one of another partition or account) is
// reported now, at the config entry. Only those roles are checked: an unchanged role's policies
// are attached already, and IAM refuses to delete a policy while it is attached.




const changesRole = (task) => task.kind === 'create-role-stack' || task.kind === 'update-role-stack';
/**
 * The plain policy ARNs a role stack task asks CloudFormation to attach (managed policies and the
 * boundary). eksctl's well-known policies are `Fn::Sub` of AWS managed ones and are left out.
 */
function attachedArns(task) {
    if (task.kind !== 'create-role-stack' && task.kind !== 'update-role-stack')
        return [];
    const template = JSON.parse(task.params.templateBody);
    const props = template.Resources?.[template_ids/* ROLE_LOGICAL_ID */.b]?.Properties ?? {};
    const managed = Array.isArray(props.ManagedPolicyArns) ? props.ManagedPolicyArns : [];
    return [...managed, props.PermissionsBoundary].filter((arn) => typeof arn === 'string');
}
/** The ARNs whose status a second plan needs: attached by a new or changed role, not read yet. */
function policyArnsToRead(plan, live) {
    const arns = new Set(plan.tasks.flatMap(attachedArns));
    return [...arns].filter((arn) => live.policies[arn] === undefined).sort();
}
/** The policy ARN IAM lists whose name is closest to a missing one's, for "did you mean". */
function suggestion(arn, live) {
    const wanted = (0,limits/* iamArnParts */.DP)(arn);
    if (!wanted || !live.knownPolicyArns)
        return undefined;
    const sameAccount = live.knownPolicyArns.filter((known) => (0,limits/* iamArnParts */.DP)(known)?.account === wanted.account);
    const names = sameAccount.map((known) => (0,limits/* iamArnParts */.DP)(known)?.name ?? '');
    const name = (0,schema/* closest */.kp)(wanted.name, names);
    return name === undefined ? undefined : sameAccount[names.indexOf(name)];
}
function checkArn(field, arn, live) {
    const problem = (severity, message, hint) => planProblem(field.at, field.path, severity, `${field.label} "${arn}" ${message}`, hint);
    // The shape of the ARN is the config's to check; these compare a well-formed one with the cluster.
    const parts = (0,limits/* iamArnParts */.DP)(arn);
    const clusterPartition = (0,limits/* arnPartition */.IQ)(live.arn);
    if (parts && parts.partition !== clusterPartition) {
        return problem('error', `is in partition ${parts.partition} but cluster "${live.name}" is in partition ${clusterPartition}`, `use ${arn.replace(/^arn:[^:]+:/, `arn:${clusterPartition}:`)}`);
    }
    const account = parts?.account;
    if (account !== undefined && account !== 'aws' && account !== live.accountId) {
        return problem('error', `belongs to account ${account}; a role can only have AWS managed policies and policies of its own account (${live.accountId})`, `create the policy in account ${live.accountId} and name that one`);
    }
    const iamSays = field.boundary
        ? `Scope ARN: ${arn} does not exist or is not attachable.`
        : `Policy ${arn} does not exist or is not attachable.`;
    switch (live.policies[arn]) {
        case 'missing': {
            const near = suggestion(arn, live);
            return problem('error', `does not exist; the role stack would fail and roll back (IAM: "${iamSays}")`, near
                ? `did you mean ${near}?`
                : account === 'aws'
                    ? 'check the name (AWS managed policy names are case-sensitive; `aws iam list-policies --scope AWS` lists them)'
                    : 'create the policy first, or fix the ARN');
        }
        case 'not-attachable':
            return problem('error', `exists but cannot be attached to a role (IAM: IsAttachable is false, as for the policies of service-linked roles); the role stack would fail and roll back`, 'use a policy that can be attached to a role');
        case 'unreadable':
            return problem('warning', 'could not be read (iam:GetPolicy was denied), so it was not checked', 'allow iam:GetPolicy to the role that plans (docs/iam-policies.md)');
        default:
            return undefined;
    }
}
/** Problems with the policies a role of this entry would attach, when the plan changes that role. */
function checkRolePolicies(entry, source, roleTasks, live) {
    if (!roleTasks.some(changesRole))
        return [];
    const label = (field) => source.recommendedFor === undefined
        ? field
        : `the policy EKS recommends for service account "${source.recommendedFor}",`;
    const fields = [
        ...(entry.permissionsBoundaryARN
            ? [{ field: 'permissionsBoundaryARN', arn: entry.permissionsBoundaryARN, boundary: true }]
            : []),
        ...entry.permissionPolicyARNs.map((arn, i) => ({
            field: `permissionPolicyARNs[${i}]`,
            arn,
            boundary: false,
        })),
    ];
    return fields.flatMap(({ field, arn, boundary }) => {
        const path = source.recommendedFor === undefined ? `${source.path}.${field}` : source.path;
        const at = source.valueLocations?.[field] ?? source.location;
        const found = checkArn({ path, label: label(field), boundary, at }, arn, live);
        return found ? [found] : [];
    });
}

// EXTERNAL MODULE: ./src/names/well-known-policies.ts
var well_known_policies = __webpack_require__(6479);
;// CONCATENATED MODULE: ./src/cfn/intrinsics.ts
// The CloudFormation building blocks the role templates share: policy statements and
// partition-aware ARNs (`Fn::Sub` with `${AWS::Partition}`, as eksctl renders them).
/** `arn:${AWS::Partition}:<rest>` as an `Fn::Sub`. */
function partitionArn(rest) {
    return { 'Fn::Sub': `arn:\${AWS::Partition}:${rest}` };
}

;// CONCATENATED MODULE: ./src/cfn/load-balancer-controller-policy.ts
// Statements of the well-known `awsLoadBalancerController` inline policy. They mirror eksctl's
// `loadBalancerControllerStatements` with the additions of the upstream AWS Load Balancer
// Controller policy that reference §1.5 lists (IPAM pools, route tables, trust stores, listener
// attributes, capacity reservations, IP pools, rule priorities). Facts, not logic.

const ALLOW = 'Allow';
const ALL = '*';
const CLUSTER_REQUEST_TAG = 'aws:RequestTag/elbv2.k8s.aws/cluster';
const CLUSTER_RESOURCE_TAG = 'aws:ResourceTag/elbv2.k8s.aws/cluster';
const TAGGED_LB_ARNS = [
    'elasticloadbalancing:*:*:targetgroup/*/*',
    'elasticloadbalancing:*:*:loadbalancer/net/*/*',
    'elasticloadbalancing:*:*:loadbalancer/app/*/*',
];
function loadBalancerControllerStatements() {
    return [
        {
            Effect: ALLOW,
            Action: ['iam:CreateServiceLinkedRole'],
            Resource: ALL,
            Condition: { StringEquals: { 'iam:AWSServiceName': 'elasticloadbalancing.amazonaws.com' } },
        },
        {
            Effect: ALLOW,
            Action: [
                'ec2:DescribeAccountAttributes',
                'ec2:DescribeAddresses',
                'ec2:DescribeAvailabilityZones',
                'ec2:DescribeInternetGateways',
                'ec2:DescribeVpcs',
                'ec2:DescribeVpcPeeringConnections',
                'ec2:DescribeSubnets',
                'ec2:DescribeSecurityGroups',
                'ec2:DescribeInstances',
                'ec2:DescribeNetworkInterfaces',
                'ec2:DescribeTags',
                'ec2:GetCoipPoolUsage',
                'ec2:DescribeCoipPools',
                'ec2:GetSecurityGroupsForVpc',
                'ec2:DescribeIpamPools',
                'ec2:DescribeRouteTables',
                'elasticloadbalancing:DescribeLoadBalancers',
                'elasticloadbalancing:DescribeLoadBalancerAttributes',
                'elasticloadbalancing:DescribeListeners',
                'elasticloadbalancing:DescribeListenerCertificates',
                'elasticloadbalancing:DescribeSSLPolicies',
                'elasticloadbalancing:DescribeRules',
                'elasticloadbalancing:DescribeTargetGroups',
                'elasticloadbalancing:DescribeTargetGroupAttributes',
                'elasticloadbalancing:DescribeTargetHealth',
                'elasticloadbalancing:DescribeTags',
                'elasticloadbalancing:DescribeTrustStores',
                'elasticloadbalancing:DescribeListenerAttributes',
                'elasticloadbalancing:DescribeCapacityReservation',
            ],
            Resource: ALL,
        },
        {
            Effect: ALLOW,
            Action: [
                'cognito-idp:DescribeUserPoolClient',
                'acm:ListCertificates',
                'acm:DescribeCertificate',
                'iam:ListServerCertificates',
                'iam:GetServerCertificate',
                'waf-regional:GetWebACL',
                'waf-regional:GetWebACLForResource',
                'waf-regional:AssociateWebACL',
                'waf-regional:DisassociateWebACL',
                'wafv2:GetWebACL',
                'wafv2:GetWebACLForResource',
                'wafv2:AssociateWebACL',
                'wafv2:DisassociateWebACL',
                'shield:GetSubscriptionState',
                'shield:DescribeProtection',
                'shield:CreateProtection',
                'shield:DeleteProtection',
            ],
            Resource: ALL,
        },
        {
            Effect: ALLOW,
            Action: ['ec2:AuthorizeSecurityGroupIngress', 'ec2:RevokeSecurityGroupIngress'],
            Resource: ALL,
        },
        { Effect: ALLOW, Action: ['ec2:CreateSecurityGroup'], Resource: ALL },
        {
            Effect: ALLOW,
            Action: ['ec2:CreateTags'],
            Resource: partitionArn('ec2:*:*:security-group/*'),
            Condition: {
                StringEquals: { 'ec2:CreateAction': 'CreateSecurityGroup' },
                Null: { [CLUSTER_REQUEST_TAG]: 'false' },
            },
        },
        {
            Effect: ALLOW,
            Action: ['ec2:CreateTags', 'ec2:DeleteTags'],
            Resource: partitionArn('ec2:*:*:security-group/*'),
            Condition: { Null: { [CLUSTER_REQUEST_TAG]: 'true', [CLUSTER_RESOURCE_TAG]: 'false' } },
        },
        {
            Effect: ALLOW,
            Action: [
                'ec2:AuthorizeSecurityGroupIngress',
                'ec2:RevokeSecurityGroupIngress',
                'ec2:DeleteSecurityGroup',
            ],
            Resource: ALL,
            Condition: { Null: { [CLUSTER_RESOURCE_TAG]: 'false' } },
        },
        {
            Effect: ALLOW,
            Action: ['elasticloadbalancing:CreateLoadBalancer', 'elasticloadbalancing:CreateTargetGroup'],
            Resource: ALL,
            Condition: { Null: { [CLUSTER_REQUEST_TAG]: 'false' } },
        },
        {
            Effect: ALLOW,
            Action: [
                'elasticloadbalancing:CreateListener',
                'elasticloadbalancing:DeleteListener',
                'elasticloadbalancing:CreateRule',
                'elasticloadbalancing:DeleteRule',
            ],
            Resource: ALL,
        },
        {
            Effect: ALLOW,
            Action: ['elasticloadbalancing:AddTags', 'elasticloadbalancing:RemoveTags'],
            Resource: TAGGED_LB_ARNS.map(partitionArn),
            Condition: { Null: { [CLUSTER_REQUEST_TAG]: 'true', [CLUSTER_RESOURCE_TAG]: 'false' } },
        },
        {
            Effect: ALLOW,
            Action: ['elasticloadbalancing:AddTags', 'elasticloadbalancing:RemoveTags'],
            Resource: [
                'elasticloadbalancing:*:*:listener/net/*/*/*',
                'elasticloadbalancing:*:*:listener/app/*/*/*',
                'elasticloadbalancing:*:*:listener-rule/net/*/*/*',
                'elasticloadbalancing:*:*:listener-rule/app/*/*/*',
            ].map(partitionArn),
        },
        {
            Effect: ALLOW,
            Action: [
                'elasticloadbalancing:ModifyLoadBalancerAttributes',
                'elasticloadbalancing:SetIpAddressType',
                'elasticloadbalancing:SetSecurityGroups',
                'elasticloadbalancing:SetSubnets',
                'elasticloadbalancing:DeleteLoadBalancer',
                'elasticloadbalancing:ModifyTargetGroup',
                'elasticloadbalancing:ModifyTargetGroupAttributes',
                'elasticloadbalancing:DeleteTargetGroup',
                'elasticloadbalancing:ModifyListenerAttributes',
                'elasticloadbalancing:ModifyCapacityReservation',
                'elasticloadbalancing:ModifyIpPools',
            ],
            Resource: ALL,
            Condition: { Null: { [CLUSTER_RESOURCE_TAG]: 'false' } },
        },
        {
            Effect: ALLOW,
            Action: ['elasticloadbalancing:AddTags'],
            Resource: TAGGED_LB_ARNS.map(partitionArn),
            Condition: {
                StringEquals: {
                    'elasticloadbalancing:CreateAction': ['CreateTargetGroup', 'CreateLoadBalancer'],
                },
                Null: { [CLUSTER_REQUEST_TAG]: 'false' },
            },
        },
        {
            Effect: ALLOW,
            Action: ['elasticloadbalancing:RegisterTargets', 'elasticloadbalancing:DeregisterTargets'],
            Resource: partitionArn('elasticloadbalancing:*:*:targetgroup/*/*'),
        },
        {
            Effect: ALLOW,
            Action: [
                'elasticloadbalancing:SetWebAcl',
                'elasticloadbalancing:ModifyListener',
                'elasticloadbalancing:AddListenerCertificates',
                'elasticloadbalancing:RemoveListenerCertificates',
                'elasticloadbalancing:ModifyRule',
                'elasticloadbalancing:SetRulePriorities',
            ],
            Resource: ALL,
        },
    ];
}

;// CONCATENATED MODULE: ./src/cfn/well-known-policies.ts
// Expansion of `wellKnownPolicies` into the role stack (reference §1.5): some keys add AWS managed
// policy ARNs, others add inline `AWS::IAM::Policy` resources with fixed logical ids. ARNs are
// partition-aware through `Fn::Sub` with `${AWS::Partition}`, as eksctl renders them.



/** Managed policy ARNs, in eksctl's order: imageBuilder before ebsCSIController. */
function wellKnownManagedPolicyArns(policies) {
    return well_known_policies/* WELL_KNOWN_POLICY_NAMES */.dz.filter((name) => policies[name])
        .flatMap((name) => well_known_policies/* WELL_KNOWN_MANAGED_POLICIES */.KB[name] ?? [])
        .map((policy) => partitionArn(`iam::aws:policy/${policy}`));
}
const allow = (actions, resource = '*') => ({
    Effect: 'Allow',
    Action: actions,
    Resource: resource,
});
const route53ChangeSet = () => [
    allow(['route53:ChangeResourceRecordSets'], partitionArn('route53:::hostedzone/*')),
];
function efsCsiControllerStatements() {
    const tagged = (action, key) => ({
        ...allow([action]),
        Condition: { StringLike: { [key]: 'true' } },
    });
    return [
        allow(['elasticfilesystem:DescribeAccessPoints', 'elasticfilesystem:DescribeFileSystems']),
        tagged('elasticfilesystem:CreateAccessPoint', 'aws:RequestTag/efs.csi.aws.com/cluster'),
        tagged('elasticfilesystem:TagResource', 'aws:RequestTag/efs.csi.aws.com/cluster'),
        tagged('elasticfilesystem:DeleteAccessPoint', 'aws:ResourceTag/efs.csi.aws.com/cluster'),
    ];
}
const INLINE_STATEMENTS = {
    PolicyAutoScaling: () => [
        allow([
            'autoscaling:DescribeAutoScalingGroups',
            'autoscaling:DescribeAutoScalingInstances',
            'autoscaling:DescribeLaunchConfigurations',
            'autoscaling:DescribeScalingActivities',
            'autoscaling:DescribeTags',
            'ec2:DescribeInstanceTypes',
            'ec2:DescribeLaunchTemplateVersions',
        ]),
        allow([
            'autoscaling:SetDesiredCapacity',
            'autoscaling:TerminateInstanceInAutoScalingGroup',
            'ec2:DescribeImages',
            'ec2:GetInstanceTypesFromInstanceRequirements',
            'eks:DescribeNodegroup',
        ]),
    ],
    PolicyAWSLoadBalancerController: loadBalancerControllerStatements,
    PolicyExternalDNSChangeSet: route53ChangeSet,
    PolicyExternalDNSHostedZones: () => [
        allow([
            'route53:ListHostedZones',
            'route53:ListResourceRecordSets',
            'route53:ListTagsForResource',
        ]),
    ],
    PolicyCertManagerChangeSet: route53ChangeSet,
    PolicyCertManagerGetChange: () => [
        allow(['route53:GetChange'], partitionArn('route53:::change/*')),
    ],
    PolicyCertManagerHostedZones: () => [
        allow(['route53:ListResourceRecordSets', 'route53:ListHostedZonesByName']),
    ],
    PolicyEFSCSIController: efsCsiControllerStatements,
};
/** Inline policies by logical id (the IAM PolicyName is `${AWS::StackName}-<id>`). */
function wellKnownInlinePolicies(policies) {
    const ids = well_known_policies/* WELL_KNOWN_POLICY_NAMES */.dz.filter((name) => policies[name]).flatMap((name) => well_known_policies/* WELL_KNOWN_INLINE_POLICY_IDS */.tT[name]);
    return new Map(ids.map((id) => [id, INLINE_STATEMENTS[id]()]));
}

;// CONCATENATED MODULE: ./src/cfn/role-template.ts
// eksctl's pod identity role template (reference §1.6): one `AWS::IAM::Role` `Role1` trusted by
// pods.eks.amazonaws.com, the inline policies, and the `Role1` output the association points at.



const POD_IDENTITY_PRINCIPAL = 'pods.eks.amazonaws.com';
const ROLE_TEMPLATE_DESCRIPTION = 'IAM role for pod identity association [created and managed by eksctl]';
function podIdentityTrustPolicy() {
    return {
        Version: '2012-10-17',
        Statement: [
            {
                Effect: 'Allow',
                Action: ['sts:AssumeRole', 'sts:TagSession'],
                Principal: { Service: POD_IDENTITY_PRINCIPAL },
            },
        ],
    };
}
function inlinePolicyResource(policyName, document) {
    return {
        Type: 'AWS::IAM::Policy',
        Properties: {
            PolicyName: { 'Fn::Sub': `\${AWS::StackName}-${policyName}` },
            PolicyDocument: document,
            Roles: [{ Ref: template_ids/* ROLE_LOGICAL_ID */.b }],
        },
    };
}
function podIdentityRoleTemplate(input) {
    const managedPolicyArns = [
        ...input.permissionPolicyARNs,
        ...wellKnownManagedPolicyArns(input.wellKnownPolicies),
    ];
    const roleProperties = {
        AssumeRolePolicyDocument: podIdentityTrustPolicy(),
    };
    // eksctl omits empty properties rather than writing empty values.
    if (input.roleName)
        roleProperties.RoleName = input.roleName;
    if (managedPolicyArns.length > 0)
        roleProperties.ManagedPolicyArns = managedPolicyArns;
    if (input.permissionsBoundaryARN)
        roleProperties.PermissionsBoundary = input.permissionsBoundaryARN;
    const resources = {
        [template_ids/* ROLE_LOGICAL_ID */.b]: { Type: 'AWS::IAM::Role', Properties: roleProperties },
    };
    // An empty document is no policy at all, as eksctl decides it (AddAllResources: len(doc) != 0).
    if ((0,limits/* hasPolicy */.hS)(input.permissionPolicy)) {
        const rawName = input.permissionPolicyName ?? template_ids/* DEFAULT_PERMISSION_POLICY_NAME */.tB;
        resources[(0,template_ids/* permissionPolicyLogicalId */.qD)(rawName)] = inlinePolicyResource(rawName, input.permissionPolicy);
    }
    for (const [logicalId, statements] of wellKnownInlinePolicies(input.wellKnownPolicies)) {
        resources[logicalId] = inlinePolicyResource(logicalId, {
            Version: '2012-10-17',
            Statement: statements,
        });
    }
    return {
        AWSTemplateFormatVersion: '2010-09-09',
        Description: ROLE_TEMPLATE_DESCRIPTION,
        Resources: resources,
        Outputs: { [template_ids/* ROLE_OUTPUT */.vw]: { Value: { 'Fn::GetAtt': `${template_ids/* ROLE_LOGICAL_ID */.b}.Arn` } } },
    };
}
/** A named role needs CAPABILITY_NAMED_IAM; an unnamed one CAPABILITY_IAM. */
function roleStackCapabilities(input) {
    return input.roleName ? ['CAPABILITY_NAMED_IAM'] : ['CAPABILITY_IAM'];
}

;// CONCATENATED MODULE: ./src/names/oidc.ts
// The IAM OIDC provider IRSA trusts: its ARN is the cluster's issuer URL without the scheme, under
// the account (`eksctl utils associate-iam-oidc-provider` creates it).
/** The issuer as IAM names it (and as trust conditions key it: `<host>:sub`): no scheme. */
function oidcIssuerHost(issuer) {
    return issuer.replace(/^https:\/\//, '').replace(/\/$/, '');
}
/** `https://oidc.eks.<region>.amazonaws.com/id/<ID>` → `arn:<partition>:iam::<account>:oidc-provider/oidc.eks…/id/<ID>`. */
function oidcProviderArn(issuer, accountId, partition = 'aws') {
    return `arn:${partition}:iam::${accountId}:oidc-provider/${oidcIssuerHost(issuer)}`;
}

;// CONCATENATED MODULE: ./src/plan/stack-status.ts
// How the planner treats a role stack, by its CloudFormation status.
const USABLE = new Set([
    'CREATE_COMPLETE',
    'UPDATE_COMPLETE',
    // Rolled back to the previous good state: the role works, though its template may differ.
    'UPDATE_ROLLBACK_COMPLETE',
    'IMPORT_COMPLETE',
    'IMPORT_ROLLBACK_COMPLETE',
]);
const FAILED = new Set([
    'ROLLBACK_COMPLETE',
    'ROLLBACK_FAILED',
    'CREATE_FAILED',
    'DELETE_FAILED',
    'UPDATE_FAILED',
    'IMPORT_ROLLBACK_FAILED',
]);
/** Why a stack in this state blocks the plan of its owner (waiting, or a stuck rollback), if it does. */
function stackBlocker(stack) {
    const condition = stackCondition(stack.status);
    if (condition === 'in-progress') {
        return {
            message: `stack "${stack.stackName}" is ${stack.status}; wait for it to finish and plan again`,
        };
    }
    if (condition !== 'stuck')
        return undefined;
    return {
        message: `stack "${stack.stackName}" is ${stack.status}${stack.statusReason ? ` (${stack.statusReason})` : ''}; its role may still be in use, so it is not replaced`,
        hint: `fix the cause, run "aws cloudformation continue-update-rollback --stack-name ${stack.stackName}", then plan again`,
    };
}
function stackCondition(status) {
    if (USABLE.has(status))
        return 'usable';
    if (FAILED.has(status))
        return 'failed';
    if (status === 'UPDATE_ROLLBACK_FAILED')
        return 'stuck';
    if (status === 'DELETE_COMPLETE')
        return 'gone';
    // Everything else is an operation under way (…_IN_PROGRESS, REVIEW_IN_PROGRESS).
    return 'in-progress';
}

;// CONCATENATED MODULE: ./src/plan/trust-policy.ts
// Does a role's trust policy let EKS Pod Identity assume it? EKS checks this at
// CreatePodIdentityAssociation time; we check it at plan time so the reviewer sees it first.
// Needed: pods.eks.amazonaws.com allowed both sts:AssumeRole and sts:TagSession, not denied.

const REQUIRED_TRUST_ACTIONS = ['sts:AssumeRole', 'sts:TagSession'];
const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const asList = (v) => (Array.isArray(v) ? v : v === undefined ? [] : [v]);
/** IAM action patterns: case-insensitive, `*` any run of characters, `?` one character. */
function actionMatches(pattern, action) {
    const escaped = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    const regex = new RegExp(`^${escaped.replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i');
    return regex.test(action);
}
function statementNamesAction(statement, action) {
    return asList(statement.Action).some((p) => typeof p === 'string' && actionMatches(p, action));
}
/** The statement's principal covers the pod identity service (or everyone). */
function statementNamesPodsPrincipal(statement) {
    const principal = statement.Principal;
    if (principal === '*')
        return true;
    if (!isObject(principal))
        return false;
    if (asList(principal.AWS).includes('*'))
        return true;
    return asList(principal.Service).some((s) => typeof s === 'string' && s.toLowerCase() === POD_IDENTITY_PRINCIPAL);
}
/** The actions the pod identity service may not perform under this trust policy. */
function missingPodIdentityTrust(document) {
    const statements = isObject(document) ? asList(document.Statement).filter(isObject) : [];
    const applies = (s, effect, action) => s.Effect === effect && statementNamesPodsPrincipal(s) && statementNamesAction(s, action);
    return REQUIRED_TRUST_ACTIONS.filter((action) => {
        const allowed = statements.some((s) => applies(s, 'Allow', action));
        // A conditional Deny cannot be evaluated here; only an unconditional one is certain to deny.
        const denied = statements.some((s) => applies(s, 'Deny', action) && s.Condition === undefined);
        return !allowed || denied;
    });
}
function trustsPodIdentity(document) {
    return missingPodIdentityTrust(document).length === 0;
}

;// CONCATENATED MODULE: ./src/plan/irsa-migration.ts
// Migration from IRSA, the GitOps way (reference §7.3): a config entry whose roleARN is this
// cluster's IRSA role for its service account (the role trusts the cluster's OIDC provider for
// `system:serviceaccount:<ns>:<sa>`, or an eksctl IRSA stack made it) is planned as a trust-policy
// update (the pod identity statement added once, never twice), then its association. OIDC trust is
// kept unless asked, so going back is one revert away; when removed, only this cluster's statement
// for that service account goes (eksctl removes every OIDC statement).











const irsa_migration_isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const irsa_migration_asList = (v) => (Array.isArray(v) ? v : v === undefined ? [] : [v]);
/** The cluster's OIDC issuer as IAM names it: host and path, no scheme. */
const issuerHost = (live) => live.oidcIssuer ? oidcIssuerHost(live.oidcIssuer) : undefined;
function providerArn(live) {
    const partition = /^arn:([^:]+):/.exec(live.arn)?.[1] ?? 'aws';
    return oidcProviderArn(live.oidcIssuer ?? '', live.accountId, partition);
}
const subjectOf = (s) => `system:serviceaccount:${s.namespace}:${s.serviceAccount}`;
/** The subjects a statement's `<host>:sub` condition names, under StringEquals or StringLike. */
function statementSubjects(statement, host) {
    const condition = irsa_migration_isObject(statement.Condition) ? statement.Condition : {};
    return ['StringEquals', 'StringLike'].flatMap((op) => {
        const block = condition[op];
        return irsa_migration_isObject(block) ? irsa_migration_asList(block[`${host}:sub`]).map(String) : [];
    });
}
/** An Allow statement of this cluster's OIDC provider. */
function isClusterOidcStatement(statement, provider) {
    const principal = irsa_migration_isObject(statement.Principal) ? statement.Principal : {};
    return statement.Effect === 'Allow' && irsa_migration_asList(principal.Federated).includes(provider);
}
/** This cluster's IRSA role for the subject (migrated or not), when the config's roleARN is one. */
function irsaRoleOf(live, roleArn, subject) {
    const role = live.roles[roleArn];
    if (!role)
        return undefined;
    const stackNames = [
        (0,stack_names/* irsaServiceAccountStackName */.dl)(live.name, subject.namespace, subject.serviceAccount),
        ...(subject.addon ? [(0,stack_names/* addonIrsaStackName */.VS)(live.name, subject.addon)] : []),
    ];
    const stack = live.stacks.find((s) => stackNames.includes(s.stackName) &&
        s.outputs[template_ids/* ROLE_OUTPUT */.vw] === role.arn &&
        stackCondition(s.status) === 'usable');
    const host = issuerHost(live);
    const statements = irsa_migration_isObject(role.assumeRolePolicy)
        ? irsa_migration_asList(role.assumeRolePolicy.Statement).filter(irsa_migration_isObject)
        : [];
    const trusted = host !== undefined &&
        statements.some((s) => isClusterOidcStatement(s, providerArn(live)) &&
            statementSubjects(s, host).includes(subjectOf(subject)));
    if (!stack && !trusted)
        return undefined;
    return {
        role,
        ...(stack ? { stack } : {}),
        trustsPods: trustsPodIdentity(role.assumeRolePolicy),
        oidcTrusted: trusted,
    };
}
/**
 * The trust policy after migration: the pod identity statement added, and with `removeOidc` this
 * cluster's OIDC trust of this one service account taken out (the subject dropped from a statement
 * that names others too). Statement order is kept.
 */
function migratedTrustPolicy(live, document, subject, removeOidc) {
    const addPods = !trustsPodIdentity(document);
    const host = issuerHost(live);
    const provider = host ? providerArn(live) : undefined;
    let oidcRemoved = false;
    const statements = irsa_migration_asList(document.Statement).flatMap((raw) => {
        if (!removeOidc || !host || !provider || !irsa_migration_isObject(raw))
            return [raw];
        if (!isClusterOidcStatement(raw, provider))
            return [raw];
        const subjects = statementSubjects(raw, host);
        if (!subjects.includes(subjectOf(subject)))
            return [raw];
        oidcRemoved = true;
        const others = subjects.filter((s) => s !== subjectOf(subject));
        if (others.length === 0)
            return [];
        const condition = raw.Condition;
        const narrowed = Object.fromEntries(Object.entries(condition).map(([op, block]) => {
            if (!irsa_migration_isObject(block) || !(`${host}:sub` in block))
                return [op, block];
            const kept = irsa_migration_asList(block[`${host}:sub`]).filter((s) => s !== subjectOf(subject));
            return [op, { ...block, [`${host}:sub`]: kept.length === 1 ? kept[0] : kept }];
        }));
        return [{ ...raw, Condition: narrowed }];
    });
    const podStatement = irsa_migration_asList(podIdentityTrustPolicy().Statement)[0];
    return {
        document: { ...document, Statement: [...statements, ...(addPods ? [podStatement] : [])] },
        oidcRemoved,
    };
}
/** Every AWS::IAM::Role of the template trusts `trust` (eksctl's owned-role update). */
function withTrust(template, trust) {
    const resources = irsa_migration_isObject(template.Resources) ? template.Resources : {};
    return {
        ...template,
        Resources: Object.fromEntries(Object.entries(resources).map(([id, resource]) => {
            if (!irsa_migration_isObject(resource) || resource.Type !== 'AWS::IAM::Role')
                return [id, resource];
            const properties = irsa_migration_isObject(resource.Properties) ? resource.Properties : {};
            return [
                id,
                { ...resource, Properties: { ...properties, AssumeRolePolicyDocument: trust } },
            ];
        })),
    };
}
/** eksctl's tag changes on a migrated IRSA stack (reference §7.3), with the right association key. */
function migratedStackTags(stack, subject, oidcRemoved) {
    const tags = { ...stack.tags };
    if (oidcRemoved)
        delete tags[names_tags/* IAM_SERVICE_ACCOUNT_TAG */.PR];
    // eksctl writes the service account's name alone for an add-on's stack.
    tags[names_tags/* POD_IDENTITY_ASSOCIATION_TAG */.Ib] = subject.addon
        ? subject.serviceAccount
        : (0,names_tags/* associationKey */.nU)(subject.namespace, subject.serviceAccount);
    return tags;
}
/**
 * The `update-trust-policy` task of a role that migrates, or a reason it cannot be planned (an
 * owned stack whose template was not read).
 */
function planTrustMigration(live, irsa, subject, options) {
    const { role, stack } = irsa;
    // Migrated already, and the OIDC trust stays (or is gone): nothing left to do.
    if (irsa.trustsPods && !(options.removeOidc && irsa.oidcTrusted))
        return undefined;
    const before = role.assumeRolePolicy;
    const { document: after, oidcRemoved } = migratedTrustPolicy(live, before, subject, options.removeOidc);
    const reasons = [
        irsa.trustsPods
            ? `role trusts both pods.eks.amazonaws.com and this cluster's OIDC provider for ${subjectOf(subject)}`
            : `role trusts this cluster's OIDC provider for ${subjectOf(subject)} (IRSA): add pods.eks.amazonaws.com`,
        oidcRemoved
            ? options.addonRule
                ? 'remove that OIDC trust, as eksctl does for add-on roles'
                : 'remove that OIDC trust (remove-oidc-trust)'
            : 'OIDC trust kept, so reverting is one commit',
    ];
    const common = {
        ...(options.idSuffix ? { idSuffix: options.idSuffix } : {}),
        reason: reasons.join('; '),
        before: { trustPolicy: before },
        after: { trustPolicy: after },
    };
    if (!stack) {
        return {
            owned: false,
            task: updateTrustPolicyTask(options.target, { roleName: role.roleName, roleArn: role.arn, trustPolicy: (0,canonical_json/* canonicalJson */.d)(after) }, false, common),
        };
    }
    if (!stack.template) {
        return { problem: `the template of stack "${stack.stackName}" was not read` };
    }
    const tags = migratedStackTags(stack, subject, oidcRemoved);
    return {
        owned: true,
        task: updateTrustPolicyTask(options.target, {
            roleName: role.roleName,
            roleArn: role.arn,
            trustPolicy: (0,canonical_json/* canonicalJson */.d)(after),
            stack: {
                stackName: stack.stackName,
                templateBody: (0,canonical_json/* canonicalJson */.d)(withTrust(stack.template, after)),
                capabilities: stack.capabilities.filter((c) => c === 'CAPABILITY_IAM' || c === 'CAPABILITY_NAMED_IAM'),
                tags,
            },
        }, true, {
            ...common,
            before: { ...common.before, stackTags: stack.tags },
            after: { ...common.after, stackTags: tags },
        }),
    };
}
/**
 * With remove-oidc-trust, the service account's IRSA annotation goes once its association is in
 * place (eksctl removes it before: a pod restarted in between would have no credentials at all).
 */
function planAnnotationRemoval(live, entry, dependsOn) {
    const sa = live.kubernetes?.serviceAccounts.find((s) => s.namespace === entry.namespace && s.name === entry.serviceAccountName);
    const annotated = sa?.annotations[kubernetes/* IRSA_ROLE_ANNOTATION */.nR];
    if (annotated === undefined || annotated === '')
        return undefined;
    return removeIrsaAnnotationTask({
        clusterName: live.name,
        namespace: entry.namespace,
        serviceAccount: entry.serviceAccountName,
    }, {
        reason: `remove-oidc-trust: pods of this service account get their role from the association${annotated !== entry.roleARN ? ` (the annotation named ${annotated})` : ''}`,
        before: { annotations: { [kubernetes/* IRSA_ROLE_ANNOTATION */.nR]: annotated } },
        dependsOn,
    });
}
/**
 * `iam.serviceAccounts` entries whose service account also has a pod identity association in the
 * config: pods use the association, so the IRSA entry only keeps its role's OIDC trust alive.
 */
function supersededServiceAccounts(spec) {
    return spec.serviceAccounts.flatMap((sa, i) => {
        const j = spec.podIdentityAssociations.findIndex((e) => e.namespace === sa.namespace && e.serviceAccountName === sa.name);
        if (j < 0)
            return [];
        const key = (0,names_tags/* associationKey */.nU)(sa.namespace, sa.name);
        return [
            planProblem(sa.location, `iam.serviceAccounts[${i}]`, 'warning', `iam.serviceAccounts[${i}] (${key}) is superseded by iam.podIdentityAssociations[${j}]: the service account's pods get their role from the pod identity association`, 'remove the iam.serviceAccounts entry once the association is applied; remove-oidc-trust then also takes the OIDC trust and the IRSA annotation away'),
        ];
    });
}

;// CONCATENATED MODULE: ./src/plan/role-checks.ts
// Plan-time checks of a user-supplied `roleARN`: what EKS would reject at apply time is reported
// now, with EKS's own words, at the config entry's location.



/** The account id of an IAM role ARN, or undefined when it is not one. */
function roleArnAccount(arn) {
    return (0,limits/* checkArn */.we)(arn, 'role') === undefined ? (0,limits/* arnAccount */.Rv)(arn) : undefined;
}
const NOT_FOUND_BY_EKS = 'EKS would answer "Role provided in the request does not exist"';
/**
 * The parts of a configured IAM ARN that differ from IAM's own ARN of the same entity, in ARN order,
 * each as `path "/" where IAM has "/team/"`. GetRole finds a role by name alone (case-insensitively,
 * whatever the path), but EKS compares the whole ARN.
 */
function arnDifferences(given, actual) {
    const a = (0,limits/* iamArnParts */.DP)(given);
    const b = (0,limits/* iamArnParts */.DP)(actual);
    if (!a || !b)
        return given === actual ? [] : [`"${given}" where IAM has "${actual}"`];
    return ['partition', 'account', 'path', 'name']
        .filter((part) => a[part] !== b[part])
        .map((part) => `${part} "${a[part]}" where IAM has "${b[part]}"`);
}
function entryProblem(entry, path, severity, message, hint) {
    return planProblem(entry.location, path, severity, message, hint);
}
function checkUserRole(entry, entryPath, live, 
/** The role is this cluster's IRSA role for the entry: its trust is migrated, not an error. */
migratesTrust = false) {
    const arn = entry.roleARN;
    if (!arn)
        return [];
    const path = `${entryPath}.roleARN`;
    // At the value itself when the config says where it is.
    const at = entry.valueLocations?.roleARN ?? entry.location;
    const problem = (severity, message, hint) => planProblem(at, path, severity, message, hint);
    const account = roleArnAccount(arn);
    if (account === undefined) {
        return [problem('error', `roleARN "${arn}" is not an IAM role ARN`)];
    }
    if (account !== live.accountId) {
        return [
            problem('error', `role "${arn}" is in account ${account} but cluster "${live.name}" is in account ${live.accountId}; EKS would answer "Cross-account pass role is not allowed"`, "use a role in the cluster account as roleARN and put the other account's role in targetRoleARN"),
        ];
    }
    const role = live.roles[arn];
    const partition = (0,limits/* arnPartition */.IQ)(arn);
    const clusterPartition = (0,limits/* arnPartition */.IQ)(live.arn);
    if (partition !== clusterPartition) {
        return [
            problem('error', `role "${arn}" is in partition ${partition} but cluster "${live.name}" is in partition ${clusterPartition}; ${NOT_FOUND_BY_EKS}`, `use roleARN: ${role?.arn ?? arn.replace(/^arn:[^:]+:/, `arn:${clusterPartition}:`)}`),
        ];
    }
    if (role === null) {
        return [
            problem('error', `role "${arn}" does not exist; ${NOT_FOUND_BY_EKS}`, 'create the role first, or remove roleARN to let podid-action create one'),
        ];
    }
    if (role === undefined) {
        return [
            problem('warning', `role "${arn}" could not be read; its trust policy was not checked`),
        ];
    }
    const differences = arnDifferences(arn, role.arn);
    if (differences.length > 0) {
        return [
            problem('error', `roleARN "${arn}" is not the ARN of role ${role.roleName} (${differences.join(', ')}); ${NOT_FOUND_BY_EKS}`, `use roleARN: ${role.arn}`),
        ];
    }
    const missing = missingPodIdentityTrust(role.assumeRolePolicy);
    if (missing.length === 0 || migratesTrust)
        return [];
    return [
        problem('error', `role "${arn}" does not trust pods.eks.amazonaws.com for ${missing.join(' and ')}; EKS would answer "Trust policy of the role provided is invalid. Follow the official documentation to resolve the issue."`, 'add a statement {"Effect":"Allow","Principal":{"Service":"pods.eks.amazonaws.com"},"Action":["sts:AssumeRole","sts:TagSession"]} to the role\'s trust policy'),
    ];
}

;// CONCATENATED MODULE: ./src/cfn/template-diff.ts
// Semantic comparison of two pod identity role templates: the live one (as CloudFormation returns
// it) and the desired one. Only what changes the role counts; the description, key order, output
// shape and the order of managed policy ARNs (IAM attachments have no order) do not.


const template_diff_isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
/** A template value as a reviewer reads it: plain strings as is, `Fn::Sub` as its pattern. */
function displayValue(value) {
    if (typeof value === 'string')
        return value;
    if (template_diff_isObject(value) && typeof value['Fn::Sub'] === 'string')
        return value['Fn::Sub'];
    return (0,canonical_json/* canonicalJson */.d)(value);
}
function summarizeRoleTemplate(template) {
    const resources = template_diff_isObject(template?.Resources) ? template.Resources : {};
    const entries = Object.entries(resources).filter((e) => template_diff_isObject(e[1]));
    const role = entries.find(([id, r]) => id === template_ids/* ROLE_LOGICAL_ID */.b && r.Type === 'AWS::IAM::Role') ??
        entries.find(([, r]) => r.Type === 'AWS::IAM::Role');
    const props = role && template_diff_isObject(role[1].Properties) ? role[1].Properties : {};
    const inlinePolicies = {};
    const inlinePolicyNames = {};
    for (const [id, resource] of entries) {
        if (resource.Type !== 'AWS::IAM::Policy')
            continue;
        const properties = template_diff_isObject(resource.Properties) ? resource.Properties : {};
        inlinePolicies[id] = properties.PolicyDocument;
        inlinePolicyNames[id] = displayValue(properties.PolicyName);
    }
    const arns = Array.isArray(props.ManagedPolicyArns) ? props.ManagedPolicyArns : [];
    return {
        roleName: props.RoleName === undefined ? undefined : displayValue(props.RoleName),
        permissionsBoundary: props.PermissionsBoundary === undefined ? undefined : displayValue(props.PermissionsBoundary),
        managedPolicyArns: arns.map(displayValue),
        trustPolicy: props.AssumeRolePolicyDocument,
        inlinePolicies,
        inlinePolicyNames,
    };
}
const same = (a, b) => (0,canonical_json/* canonicalJson */.d)(a) === (0,canonical_json/* canonicalJson */.d)(b);
function diffRoleTemplates(live, desired) {
    const before = summarizeRoleTemplate(live);
    const after = summarizeRoleTemplate(desired);
    const beforeArns = new Set(before.managedPolicyArns);
    const afterArns = new Set(after.managedPolicyArns);
    const beforeIds = Object.keys(before.inlinePolicies).sort();
    const afterIds = Object.keys(after.inlinePolicies).sort();
    const diff = {
        managedPolicyArnsAdded: [...afterArns].filter((a) => !beforeArns.has(a)),
        managedPolicyArnsRemoved: [...beforeArns].filter((a) => !afterArns.has(a)),
        inlinePoliciesAdded: afterIds.filter((id) => !(id in before.inlinePolicies)),
        inlinePoliciesRemoved: beforeIds.filter((id) => !(id in after.inlinePolicies)),
        // `my-policy` and `mypolicy` share a logical id but not an IAM policy name: a rename is a change.
        inlinePoliciesChanged: afterIds.filter((id) => id in before.inlinePolicies &&
            (!same(before.inlinePolicies[id], after.inlinePolicies[id]) ||
                before.inlinePolicyNames[id] !== after.inlinePolicyNames[id])),
        trustPolicyChanged: !same(before.trustPolicy, after.trustPolicy),
    };
    if (before.permissionsBoundary !== after.permissionsBoundary) {
        diff.permissionsBoundary = {
            before: before.permissionsBoundary,
            after: after.permissionsBoundary,
        };
    }
    if (before.roleName !== after.roleName) {
        diff.roleName = { before: before.roleName, after: after.roleName };
    }
    return diff;
}
function isEmptyRoleTemplateDiff(diff) {
    return (diff.managedPolicyArnsAdded.length === 0 &&
        diff.managedPolicyArnsRemoved.length === 0 &&
        diff.inlinePoliciesAdded.length === 0 &&
        diff.inlinePoliciesRemoved.length === 0 &&
        diff.inlinePoliciesChanged.length === 0 &&
        !diff.trustPolicyChanged &&
        diff.permissionsBoundary === undefined &&
        diff.roleName === undefined);
}
/**
 * The review fields of a role stack update: for each changed aspect, its value before and after.
 * Inline policies appear with their documents, only those added, removed or changed.
 */
function roleTemplateReview(live, desired, diff) {
    const b = summarizeRoleTemplate(live);
    const a = summarizeRoleTemplate(desired);
    const before = {};
    const after = {};
    if (diff.managedPolicyArnsAdded.length + diff.managedPolicyArnsRemoved.length > 0) {
        before.managedPolicyArns = [...b.managedPolicyArns].sort();
        after.managedPolicyArns = [...a.managedPolicyArns].sort();
    }
    const pick = (s, ids) => Object.fromEntries(ids.filter((id) => id in s.inlinePolicies).map((id) => [id, s.inlinePolicies[id]]));
    const touched = [
        ...diff.inlinePoliciesAdded,
        ...diff.inlinePoliciesRemoved,
        ...diff.inlinePoliciesChanged,
    ].sort();
    if (touched.length > 0) {
        before.inlinePolicies = pick(b, touched);
        after.inlinePolicies = pick(a, touched);
    }
    if (diff.permissionsBoundary) {
        before.permissionsBoundary = diff.permissionsBoundary.before ?? null;
        after.permissionsBoundary = diff.permissionsBoundary.after ?? null;
    }
    if (diff.roleName) {
        before.roleName = diff.roleName.before ?? null;
        after.roleName = diff.roleName.after ?? null;
    }
    if (diff.trustPolicyChanged) {
        before.trustPolicy = b.trustPolicy ?? null;
        after.trustPolicy = a.trustPolicy ?? null;
    }
    return { before, after };
}

;// CONCATENATED MODULE: ./src/plan/role-plan.ts
// The role half of one association (standalone or an add-on's): which role it should point at, and
// the role stack tasks that make it exist (create, update, replace a failed stack) or go away (a
// stack left behind when the entry switches to its own roleARN).









const ESKCTL_REFUSES_SWITCH = 'eksctl refuses this ("cannot change podIdentityAssociation.roleARN since the role was created by eksctl"); podid-action plans it explicitly';
function outputRef(stackName) {
    return { stackName, output: template_ids/* ROLE_OUTPUT */.vw };
}
/**
 * What a reviewer sees of a new role: its managed policies, the documents of the inline policies the
 * config writes (what the role may do is the point of the review), and the names of the well-known
 * policies (eksctl's fixed documents, which would drown the comment).
 */
function createSummary(template, request) {
    const { entry, stackName, stackTags: tags } = request;
    const s = summarizeRoleTemplate(template);
    const own = (0,limits/* hasPolicy */.hS)(entry.permissionPolicy)
        ? (0,template_ids/* permissionPolicyLogicalId */.qD)(entry.permissionPolicyName)
        : undefined;
    const wellKnown = Object.entries(entry.wellKnownPolicies)
        .filter(([, on]) => on)
        .map(([name]) => name)
        .sort();
    return {
        stackName,
        ...(s.roleName ? { roleName: s.roleName } : {}),
        managedPolicyArns: s.managedPolicyArns,
        ...(own ? { inlinePolicies: { [own]: s.inlinePolicies[own] } } : {}),
        ...(wellKnown.length > 0 ? { wellKnownPolicies: wellKnown } : {}),
        ...(s.permissionsBoundary ? { permissionsBoundary: s.permissionsBoundary } : {}),
        tags,
    };
}
/** The entry names its own role (`roleARN`). */
function userRole(roleARN, stack) {
    if (!stack)
        return { tasks: [], roleArn: roleARN, roleIsOurs: false };
    const usable = stackCondition(stack.status) === 'usable';
    // The config spells out the ARN of the role our stack made: keep using it, as eksctl allows.
    if (usable && stack.outputs[template_ids/* ROLE_OUTPUT */.vw] === roleARN) {
        return { tasks: [], roleArn: roleARN, roleIsOurs: true };
    }
    return {
        tasks: [],
        roleArn: roleARN,
        roleIsOurs: false,
        staleStack: stack,
        switchReason: usable
            ? `roleARN is set: switch from the role of stack "${stack.stackName}" to ${roleARN}, then delete the stack; ${ESKCTL_REFUSES_SWITCH}`
            : `roleARN is set: stack "${stack.stackName}" (${stack.status}) is no longer needed`,
    };
}
/** No stack yet, or a failed one to replace: create it. */
function createRole(request, template, switchReason) {
    const { stack, stackName, stackTags: tags, liveRoleArn } = request;
    const replaces = stack
        ? `replace stack "${stack.stackName}" in ${stack.status}${stack.statusReason ? `: ${stack.statusReason}` : ''}`
        : undefined;
    const task = createRoleStackTask(request.owner, {
        stackName,
        templateBody: (0,canonical_json/* canonicalJson */.d)(template),
        capabilities: roleStackCapabilities(request.entry),
        tags,
        ...(stack ? { replacesFailedStackId: stack.stackId } : {}),
    }, {
        reason: replaces ??
            (liveRoleArn !== undefined
                ? 'association uses a role not created for it'
                : 'not in cluster'),
        after: createSummary(template, request),
        ...(stack
            ? {
                before: {
                    ...(stack.stackName !== stackName ? { stackName: stack.stackName } : {}),
                    status: stack.status,
                },
            }
            : {}),
    });
    return {
        tasks: [task],
        roleArn: outputRef(stackName),
        producedBy: task.id,
        roleIsOurs: true,
        switchReason,
    };
}
/** A usable stack (possibly left by a crash before its association was made): reuse, update if needed. */
function reuseRole(request, stack, template) {
    // The eksctl-version tag says which tool made the stack: an update never rewrites it.
    const made = stack.tags[names_tags/* EKSCTL_VERSION_TAG */.pz];
    const tags = {
        ...request.stackTags,
        ...(made !== undefined ? { [names_tags/* EKSCTL_VERSION_TAG */.pz]: made } : {}),
    };
    const diff = diffRoleTemplates(stack.template, template);
    const templateDiffers = stack.template === undefined || !isEmptyRoleTemplateDiff(diff);
    const tagsDiffer = stackTagsDiffer(stack.tags, tags);
    const liveArn = stack.outputs[template_ids/* ROLE_OUTPUT */.vw];
    if (!templateDiffers && !tagsDiffer) {
        return {
            tasks: [],
            roleArn: outputRef(stack.stackName),
            currentArn: liveArn,
            roleIsOurs: true,
        };
    }
    const review = roleTemplateReview(stack.template, template, diff);
    if (tagsDiffer) {
        review.before.tags = stack.tags;
        review.after.tags = tags;
    }
    const reasons = [
        ...(templateDiffers ? ['role template differs'] : []),
        // eksctl never changes a stack's tags after creation; a config that does is said plainly.
        ...(tagsDiffer && !templateDiffers
            ? ["only the stack's tags change; the role stays as it is"]
            : []),
        ...(tagsDiffer && templateDiffers ? ['stack tags differ'] : []),
        ...(stack.status === 'UPDATE_ROLLBACK_COMPLETE' ? ['last update was rolled back'] : []),
    ];
    const task = updateRoleStackTask(request.owner, {
        stackName: stack.stackName,
        templateBody: (0,canonical_json/* canonicalJson */.d)(template),
        capabilities: roleStackCapabilities(request.entry),
        tags,
    }, { reason: reasons.join('; '), before: review.before, after: review.after });
    // A new RoleName replaces the role, so its ARN is only known after the update.
    const arnChanges = diff.roleName !== undefined || !liveArn;
    return {
        tasks: [task],
        roleArn: outputRef(stack.stackName),
        ...(arnChanges ? { producedBy: task.id } : { currentArn: liveArn }),
        roleIsOurs: true,
    };
}
function planRole(request) {
    const { entry, stack, liveRoleArn } = request;
    if (entry.roleARN)
        return userRole(entry.roleARN, stack);
    const template = podIdentityRoleTemplate(entry);
    if (stack && stackCondition(stack.status) !== 'failed')
        return reuseRole(request, stack, template);
    const switchReason = liveRoleArn !== undefined && !stack
        ? `roleARN is not set: switch from role ${liveRoleArn} to a role created for this association; ${ESKCTL_REFUSES_SWITCH}`
        : undefined;
    return createRole(request, template, switchReason);
}

;// CONCATENATED MODULE: ./src/plan/addon-roles.ts
// The roles of an add-on's service accounts: for each desired association, the role stack that
// makes its role (eksctl's `eksctl-<cluster>-addon-<addon>-podidentityrole-<sa>`, same template as
// a standalone association) or the user's roleARN; what the add-on's association list becomes; and
// the stacks no service account needs any more, deleted after the add-on has let go of them.












const isAddonStack = (stack, addon) => stack.tags[names_tags/* ADDON_NAME_TAG */.IK] === addon && stackCondition(stack.status) !== 'gone';
/** The podidentityrole stacks of this add-on, by the service account in eksctl's tag. */
function roleStacksBySa(scope) {
    const { ctx, addon } = scope;
    const prefix = (0,stack_names/* addonPodIdentityRoleStackName */.Bw)(ctx.spec.name, addon.name, '');
    const out = new Map();
    for (const stack of ctx.live.stacks) {
        if (!stack.stackName.startsWith(prefix) || !isAddonStack(stack, addon.name))
            continue;
        out.set(stack.stackName.slice(prefix.length), stack);
    }
    return out;
}
/** The add-on's IRSA stack (eksctl's `eksctl-<cluster>-addon-<addon>`), when there is one. */
function irsaStackOf(scope) {
    const name = (0,stack_names/* addonIrsaStackName */.VS)(scope.ctx.spec.name, scope.addon.name);
    return scope.ctx.live.stacks.find((s) => s.stackName === name && isAddonStack(s, scope.addon.name));
}
/**
 * The stack holding a service account's role: its podidentityrole stack, or (an add-on migrated by
 * eksctl) the IRSA stack whose role the association uses.
 */
function stackFor(scope, sa, live, stacks) {
    const own = stacks.get(sa);
    if (own)
        return own;
    const irsa = irsaStackOf(scope);
    return irsa && live && irsa.outputs[template_ids/* ROLE_OUTPUT */.vw] === live.roleArn ? irsa : undefined;
}
function roleFor(scope, desired, live, stack) {
    const { ctx, addon } = scope;
    const sa = desired.serviceAccount;
    return planRole({
        owner: { kind: 'addon', addon: addon.name, serviceAccount: sa },
        entry: desired.entry,
        stackName: (0,stack_names/* addonPodIdentityRoleStackName */.Bw)(ctx.spec.name, addon.name, sa),
        stackTags: addonRoleStackTags(ctx.spec, addon.name, desired.namespace, sa, ctx.options.ownerId),
        stack,
        liveRoleArn: live?.roleArn,
    });
}
/** Problems that stop this service account's role from being planned (reported, then skipped). */
function blockers(scope, desired, stack, migratesTrust) {
    const path = desired.source?.path ?? scope.path;
    const at = desired.source?.spec.location ?? scope.addon.location;
    const blocked = stack && stackBlocker(stack);
    if (blocked)
        return [planProblem(at, path, 'error', blocked.message, blocked.hint)];
    if (!desired.source?.spec.roleARN)
        return [];
    return checkUserRole(desired.source.spec, path, scope.ctx.live, migratesTrust);
}
/** The add-on's service account namespace: the entry's, the add-on's, or EKS's default for it. */
function addon_roles_addonNamespace(scope, desired) {
    const { ctx, addon } = scope;
    return (desired.namespace ||
        ctx.live.addons[addon.name]?.namespace ||
        ctx.live.addonCatalog[addon.name]?.defaultNamespace ||
        'kube-system');
}
/** The add-on's IRSA role named by the config's roleARN for this service account, if it is one. */
function irsaOf(scope, desired) {
    const roleArn = desired.source?.spec.roleARN;
    if (!roleArn)
        return undefined;
    return irsaRoleOf(scope.ctx.live, roleArn, {
        namespace: addon_roles_addonNamespace(scope, desired),
        serviceAccount: desired.serviceAccount,
        addon: scope.addon.name,
    });
}
/** eksctl removes the OIDC trust of a migrated add-on role always (reference §7.3); so do we. */
function migrateTrust(scope, desired, irsa) {
    const subject = {
        namespace: addon_roles_addonNamespace(scope, desired),
        serviceAccount: desired.serviceAccount,
        addon: scope.addon.name,
    };
    return planTrustMigration(scope.ctx.live, irsa, subject, {
        target: addonTarget(scope.addon.name),
        idSuffix: desired.serviceAccount,
        removeOidc: true,
        addonRule: true,
    });
}
function policySource(scope, desired) {
    if (desired.source) {
        const { spec, path } = desired.source;
        return { path, location: spec.location, valueLocations: spec.valueLocations };
    }
    return {
        path: scope.path,
        location: scope.addon.location,
        recommendedFor: desired.serviceAccount,
    };
}
function planAddonRoles(scope, desired) {
    const owned = new Map(ownedAssociations(scope).map((a) => [a.serviceAccount, a]));
    const stacks = roleStacksBySa(scope);
    const out = {
        associations: [],
        changed: false,
        roleTasks: [],
        producedBy: [],
        cleanup: [],
        problems: [],
        before: {},
        after: {},
        claims: [],
    };
    const used = new Set();
    for (const want of desired) {
        const sa = want.serviceAccount;
        const live = owned.get(sa);
        const stack = stackFor(scope, sa, live, stacks);
        const irsa = irsaOf(scope, want);
        const problems = blockers(scope, want, stack, irsa !== undefined);
        out.problems.push(...problems);
        if (problems.some((p) => p.severity === 'error'))
            continue;
        if (irsa) {
            // The add-on's IRSA role migrates: its stack (if eksctl made it) stays as the role's home.
            if (irsa.stack)
                used.add(irsa.stack);
            const trust = migrateTrust(scope, want, irsa);
            if (trust && 'problem' in trust) {
                const at = want.source?.spec.location ?? scope.addon.location;
                out.problems.push(planProblem(at, want.source?.path ?? scope.path, 'error', trust.problem));
                continue;
            }
            if (trust) {
                out.roleTasks.push(trust.task);
                out.producedBy.push(trust.task.id);
            }
        }
        const role = roleFor(scope, want, live, stack);
        const policyProblems = checkRolePolicies(want.entry, policySource(scope, want), role.tasks, scope.ctx.live);
        out.problems.push(...policyProblems);
        if (policyProblems.some((p) => p.severity === 'error'))
            continue;
        if (stack && !role.staleStack)
            used.add(stack);
        if (role.staleStack) {
            out.cleanup.push({
                stack: role.staleStack,
                reason: role.switchReason ?? 'no longer used',
                serviceAccount: sa,
            });
        }
        out.roleTasks.push(...role.tasks);
        if (role.producedBy)
            out.producedBy.push(role.producedBy);
        out.associations.push({ serviceAccount: sa, roleArn: role.roleArn });
        const known = role.currentArn ?? (typeof role.roleArn === 'string' ? role.roleArn : undefined);
        if (!live)
            out.claims.push(sa);
        if (!live || known === undefined || known !== live.roleArn) {
            out.changed = true;
            if (live)
                out.before[sa] = live.roleArn;
            out.after[sa] = known ?? role.roleArn;
        }
    }
    for (const [sa, live] of owned) {
        if (desired.some((d) => d.serviceAccount === sa))
            continue;
        out.changed = true;
        out.before[sa] = live.roleArn;
        const stack = stackFor(scope, sa, live, stacks);
        // A role the user brought has no stack of ours: nothing to delete (eksctl crashes here).
        if (stack)
            used.add(stack);
        if (stack) {
            out.cleanup.push({
                stack,
                reason: `service account "${sa}" is no longer in the add-on's podIdentityAssociations`,
                serviceAccount: sa,
            });
        }
    }
    addLeftovers(scope, desired, stacks, used, out);
    return out;
}
/**
 * Role stacks of this add-on that no desired service account uses and no association points at
 * (a run killed between the add-on update and the stack deletion leaves them), and the add-on's
 * old IRSA stack once pod identity replaces it (eksctl deletes it too, reference §6.3 step 4).
 */
function addLeftovers(scope, desired, stacks, used, out) {
    const wanted = new Set(desired.map((d) => d.serviceAccount));
    for (const [sa, stack] of stacks) {
        if (wanted.has(sa) || used.has(stack) || stackCondition(stack.status) === 'in-progress')
            continue;
        const tag = stack.tags[names_tags/* ADDON_POD_IDENTITY_ASSOCIATION_TAG */.TO] ?? sa;
        out.cleanup.push({
            stack,
            reason: `role stack of "${tag}" without a service account in the add-on`,
            serviceAccount: sa,
        });
    }
    const irsa = irsaStackOf(scope);
    if (irsa && !used.has(irsa) && desired.length > 0 && scope.ctx.options.prune !== 'none') {
        out.cleanup.push({
            stack: irsa,
            serviceAccount: 'irsa',
            reason: `the add-on now uses pod identity; its old IRSA stack goes (as eksctl: "deleting old IRSA stack for addon ${scope.addon.name}")`,
        });
    }
}

;// CONCATENATED MODULE: ./src/plan/tag-changes.ts
// What it takes to make a resource's live tags the desired ones (associations and add-ons): the tags
// to add or change, the keys to remove (never AWS's `aws:` keys), and whether only our owner tag is
// missing — then it is an adoption, not an update.


function tagChanges(live, desired) {
    const tagsToAdd = {};
    const before = {};
    for (const [key, value] of Object.entries(desired)) {
        if ((0,names_tags/* isAwsTag */.AK)(key) || live[key] === value)
            continue;
        tagsToAdd[key] = value;
        if (key in live)
            before[key] = live[key];
    }
    const tagKeysToRemove = Object.keys(live)
        .filter((key) => !(0,names_tags/* isAwsTag */.AK)(key) && !(key in desired))
        .sort();
    for (const key of tagKeysToRemove)
        before[key] = live[key];
    const added = Object.keys(tagsToAdd);
    if (added.length === 0 && tagKeysToRemove.length === 0)
        return undefined;
    const adopt = added.length === 1 && added[0] === names_tags/* OWNER_TAG */.FX && tagKeysToRemove.length === 0;
    const previousOwner = names_tags/* OWNER_TAG */.FX in tagsToAdd ? live[names_tags/* OWNER_TAG */.FX] : undefined;
    const reason = previousOwner !== undefined
        ? takeOverReason(previousOwner)
        : adopt
            ? 'matches the config; tag it as managed by this owner'
            : !(names_tags/* OWNER_TAG */.FX in live)
                ? 'adopt it and update tags'
                : 'tags differ';
    return {
        params: { tagsToAdd, tagKeysToRemove },
        adopt,
        common: { reason, before: { tags: before }, after: { tags: tagsToAdd } },
    };
}

;// CONCATENATED MODULE: ./src/plan/addon-plan.ts
// One `addons[]` entry against the live cluster: create the add-on when it is missing, or change only
// what differs (version, configuration values, IRSA role, its pod identity associations, tags), with
// the role stacks before and the stacks no longer needed after (reference §6).










/** JSON or YAML, compared as data; text when it parses as neither. */
function sameValues(live, wanted) {
    const read = (text) => {
        try {
            return JSON.parse(text);
        }
        catch {
            try {
                return (0,dist/* parse */.qg)(text, { logLevel: 'error' }); // errors throw; no warning on stderr
            }
            catch {
                return text;
            }
        }
    };
    if (live === undefined)
        return wanted.trim() === '';
    return (0,canonical_json/* canonicalJson */.d)(read(live)) === (0,canonical_json/* canonicalJson */.d)(read(wanted));
}
/** Fields both CreateAddon and UpdateAddon send when the config sets them. */
function commonParams(scope) {
    const { addon, ctx } = scope;
    return {
        clusterName: ctx.spec.name,
        addonName: addon.name,
        addonVersion: scope.version.version,
        ...(addon.resolveConflicts ? { resolveConflicts: addon.resolveConflicts } : {}),
        ...(addon.configurationValues ? { configurationValues: addon.configurationValues } : {}),
        // A version that needs no IAM gets no IRSA role either (eksctl ignores it, with a warning).
        ...(addon.serviceAccountRoleARN && scope.version.requiresIamPermissions
            ? { serviceAccountRoleArn: addon.serviceAccountRoleARN }
            : {}),
    };
}
function planNew(scope, roles) {
    const { addon, ctx } = scope;
    const tags = { ...addon.tags, [names_tags/* OWNER_TAG */.FX]: ctx.options.ownerId };
    const associations = roles?.associations ?? [];
    const params = {
        ...commonParams(scope),
        ...(associations.length > 0 ? { podIdentityAssociations: associations } : {}),
        tags,
        ...(addon.namespaceConfig?.namespace
            ? { namespaceConfig: { namespace: addon.namespaceConfig.namespace } }
            : {}),
    };
    return createAddonTask(params, {
        reason: 'not in cluster',
        dependsOn: roles?.producedBy ?? [],
        after: {
            version: scope.version.version,
            ...(addon.configurationValues ? { configurationValues: addon.configurationValues } : {}),
            ...(params.serviceAccountRoleArn
                ? { serviceAccountRoleArn: params.serviceAccountRoleArn }
                : {}),
            ...(associations.length > 0 ? { podIdentityAssociations: roles?.after } : {}),
            ...(params.namespaceConfig ? { namespace: params.namespaceConfig.namespace } : {}),
            tags,
        },
    });
}
function differences(scope, live, roles) {
    const { addon } = scope;
    const d = { reasons: [], before: {}, after: {} };
    const change = (key, before, after, reason) => {
        d.before[key] = before ?? null;
        d.after[key] = after ?? null;
        d.reasons.push(reason);
    };
    if (scope.version.version !== live.version) {
        change('version', live.version, scope.version.version, 'version differs');
    }
    if (addon.configurationValues &&
        !sameValues(live.configurationValues, addon.configurationValues)) {
        change('configurationValues', live.configurationValues, addon.configurationValues, 'configurationValues differ');
    }
    const irsa = addon.serviceAccountRoleARN;
    if (irsa && scope.version.requiresIamPermissions && irsa !== live.serviceAccountRoleArn) {
        change('serviceAccountRoleArn', live.serviceAccountRoleArn, irsa, 'serviceAccountRoleARN differs');
    }
    if (roles?.changed) {
        change('podIdentityAssociations', roles.before, roles.after, 'pod identity associations differ');
    }
    if (live.status === 'CREATE_FAILED' || live.status === 'UPDATE_FAILED') {
        const issues = addonIssuesSummary(live);
        d.reasons.push(`the add-on is ${live.status}${issues}; its configuration is applied again`);
    }
    return d;
}
function planExisting(scope, live, roles, note) {
    const d = differences(scope, live, roles);
    if (d.reasons.length === 0)
        return [];
    const params = {
        ...commonParams(scope),
        ...(roles?.changed ? { podIdentityAssociations: roles.associations } : {}),
    };
    const reason = [note, ...d.reasons].filter(Boolean).join('; ');
    const migrates = live.serviceAccountRoleArn !== undefined &&
        live.podIdentityAssociations.length === 0 &&
        (roles?.associations.length ?? 0) > 0;
    return [
        updateAddonTask(params, {
            reason,
            dependsOn: roles?.producedBy ?? [],
            before: d.before,
            after: d.after,
        }, migrates),
    ];
}
function planAddon(ctx, addon, index) {
    const path = `addons[${index}]`;
    const live = ctx.live.addons[addon.name];
    const catalog = ctx.live.addonCatalog[addon.name] ?? { versions: [], podIdentity: {} };
    const result = {
        name: addon.name,
        tasks: [],
        problems: [],
        unchanged: false,
        claims: [],
        notManaged: [],
    };
    const target = targetAddonVersion(addon.name, ctx.live.version, catalog.versions, addon.version, live?.version);
    if (!target.version) {
        const where = addon.version ? `${path}.version` : `${path}.name`;
        result.problems.push(planProblem(addon.location, where, 'error', target.problem.message, target.problem.hint));
        return result;
    }
    const scope = { ctx, addon, path, live, catalog, version: target.version };
    const decision = decideIdentity(scope);
    const roles = decision.desired ? planAddonRoles(scope, decision.desired) : undefined;
    result.problems.push(...addonChecks(scope, decision), ...decision.problems, ...(roles?.problems ?? []));
    result.notManaged = leftAsIs(scope);
    if (result.problems.some((p) => p.severity === 'error'))
        return result;
    const step = live ? planExisting(scope, live, roles, decision.note)[0] : planNew(scope, roles);
    const tagging = live
        ? tagChanges(live.tags, { ...addon.tags, [names_tags/* OWNER_TAG */.FX]: ctx.options.ownerId })
        : undefined;
    const tagTask = tagging && live
        ? tagAddonTask({ addonName: addon.name, addonArn: live.arn, ...tagging.params }, tagging.adopt, tagging.common)
        : undefined;
    const cleanup = (roles?.cleanup ?? []).map(({ stack, reason, serviceAccount }) => deleteStackTask({ kind: 'addon', addon: addon.name, serviceAccount }, stack, {
        reason,
        dependsOn: step ? [step.id] : [],
    }));
    result.tasks = [
        ...(roles?.roleTasks ?? []),
        ...(step ? [step] : []),
        ...(tagTask ? [tagTask] : []),
        ...cleanup,
    ];
    result.unchanged = result.tasks.length === 0;
    result.stepId = step?.id;
    const namespace = addonNamespace(scope);
    result.claims = (roles?.claims ?? []).map((serviceAccount) => ({
        serviceAccount,
        namespace: namespace ??
            decision.desired?.find((d) => d.serviceAccount === serviceAccount)?.namespace ??
            '',
    }));
    return result;
}

;// CONCATENATED MODULE: ./src/plan/addon-prune.ts
// Add-ons the cluster has and the config does not list: deleted per `prune` (with their role stacks,
// as `eksctl delete addon` does), or listed as left alone; and role stacks of add-ons that are gone
// (a run killed between deleting an add-on and its stacks leaves them).




/** The stacks eksctl deletes with an add-on: every stack of the cluster tagged with its name. */
function stacksOf(ctx, addon) {
    return ctx.live.stacks.filter((s) => s.tags[names_tags/* ADDON_NAME_TAG */.IK] === addon &&
        stackCondition(s.status) !== 'in-progress' &&
        stackCondition(s.status) !== 'gone');
}
function stackTasks(addon, stacks, reason, dependsOn) {
    return stacks.map((stack) => deleteStackTask({ kind: 'addon', addon, serviceAccount: stack.stackName }, stack, {
        reason,
        dependsOn,
    }));
}
function leftAlone(ctx, name) {
    if (ctx.options.prune === 'none')
        return 'not in config; left alone (prune: none)';
    const owner = ctx.live.addons[name]?.tags[names_tags/* OWNER_TAG */.FX];
    if (owner !== undefined)
        return `not in config; managed by "${owner}", left alone`;
    return 'not in config; not managed, left alone';
}
function planAddonPrune(ctx) {
    const { live, options, spec } = ctx;
    const listed = new Set(spec.addons.map((a) => a.name));
    const out = { tasks: [], unmanaged: [], deletesAgent: false };
    for (const name of [...live.addonNames].sort()) {
        if (listed.has(name))
            continue;
        const addon = live.addons[name];
        const ours = addon?.tags[names_tags/* OWNER_TAG */.FX] === options.ownerId;
        const prune = options.prune === 'all' || (options.prune === 'managed' && ours);
        if (!prune || !addon) {
            out.unmanaged.push({ addonName: name, reason: leftAlone(ctx, name) });
            continue;
        }
        const reason = `not in config (prune: ${options.prune})`;
        const deletion = deleteAddonTask({ clusterName: spec.name, addonName: name, preserve: false }, {
            reason,
            before: {
                version: addon.version,
                ...(addon.podIdentityAssociations.length > 0
                    ? { podIdentityAssociations: addon.podIdentityAssociations.length }
                    : {}),
                tags: addon.tags,
            },
        });
        out.tasks.push(deletion, ...stackTasks(name, stacksOf(ctx, name), reason, [deletion.id]));
        if (name === names_addons/* AGENT_ADDON */.t)
            out.deletesAgent = true;
    }
    if (options.prune !== 'none')
        out.tasks.push(...orphanStackTasks(ctx, listed));
    return out;
}
/** Our role stacks of an add-on that is neither on the cluster nor in the config. */
function orphanStackTasks(ctx, listed) {
    const present = new Set(ctx.live.addonNames);
    const orphans = new Map();
    for (const stack of ctx.live.stacks) {
        const addon = stack.tags[names_tags/* ADDON_NAME_TAG */.IK];
        if (addon === undefined || listed.has(addon) || present.has(addon))
            continue;
        if (stack.tags[names_tags/* OWNER_TAG */.FX] !== ctx.options.ownerId)
            continue;
        if (stackCondition(stack.status) === 'in-progress' || stackCondition(stack.status) === 'gone')
            continue;
        orphans.set(addon, [...(orphans.get(addon) ?? []), stack]);
    }
    return [...orphans].flatMap(([addon, stacks]) => stackTasks(addon, stacks, 'role stack of an add-on that is gone, not in config', []));
}

;// CONCATENATED MODULE: ./src/plan/agent-prerequisite.ts
// The pod identity agent must run on the cluster before associations do anything (reference
// §2.2.3). Auto Mode runs it itself. When the config lists it, it is planned like any add-on (and
// first); when it does not and the cluster lacks it, the plan fails with eksctl's message, adapted
// to a config file.


function agentInstalled(ctx) {
    return ctx.live.autoMode || names_addons/* AGENT_ADDON */.t in ctx.live.addons;
}
function agentMissing(ctx) {
    const { spec } = ctx;
    return planProblem(spec.podIdentityAssociations[0]?.location ?? spec.location, 'addons', 'error', `the "${names_addons/* AGENT_ADDON */.t}" addon must be installed to create pod identity associations; please add "${names_addons/* AGENT_ADDON */.t}" to addons in the config file`, `add "- name: ${names_addons/* AGENT_ADDON */.t}" under addons, or enable Auto Mode`);
}
/** Deleting the agent would leave associations that no longer hand out credentials. */
function agentStillNeeded(ctx, remaining) {
    const { spec } = ctx;
    return planProblem(spec.location, 'addons', 'error', `the "${names_addons/* AGENT_ADDON */.t}" addon would be deleted (prune: ${ctx.options.prune}) while ${remaining} pod identity association(s) still need it`, `keep "- name: ${names_addons/* AGENT_ADDON */.t}" under addons, or remove the associations first`);
}

;// CONCATENATED MODULE: ./src/plan/association-plan.ts
// One `iam.podIdentityAssociations` entry against the live cluster: the role (role-plan.ts), then
// the association itself: create it, or update only the fields and tags that differ.












/**
 * The stack belongs to `<ns>/<sa>` by eksctl's tag, as eksctl decides it (ListPodIdentityStackNames).
 * A migrated IRSA stack may carry eksctl's misspelt tag value (reference §7.3): accepted, or migrated
 * stacks of `kube-system/…` would never be found.
 */
function stackBelongsTo(stack, key) {
    const tag = stack.tags[names_tags/* POD_IDENTITY_ASSOCIATION_TAG */.Ib];
    return tag === key || (tag !== undefined && tag === (0,stack_names/* migratedStackTagValue */.jE)(stack.stackName));
}
/**
 * The entry's eksctl role stacks that exist, preferred name first: the exact name (never a suffix,
 * eksctl #8484) AND eksctl's association tag. The name alone is ambiguous (`team-a/app` and
 * `team/a-app` give the same one), and an IRSA stack never migrated to pod identity is not a pod
 * identity role.
 */
function roleStacksOf(live, namespace, sa) {
    const key = (0,names_tags/* associationKey */.nU)(namespace, sa);
    const names = (0,stack_names/* roleStackNamesFor */.kd)(live.name, namespace, sa);
    return names.flatMap((name) => live.stacks.filter((s) => s.stackName === name && stackBelongsTo(s, key)));
}
/** A stack holding the name this entry's own role stack needs, but made for someone else. */
function stackNameTaken(live, namespace, sa) {
    const name = (0,stack_names/* podIdentityRoleStackName */.Bk)(live.name, namespace, sa);
    const key = (0,names_tags/* associationKey */.nU)(namespace, sa);
    return live.stacks.find((s) => s.stackName === name && !stackBelongsTo(s, key));
}
/** Session policies are JSON: compare them as data when both parse, as text otherwise. */
function samePolicy(a, b) {
    try {
        return (0,canonical_json/* canonicalJson */.d)(JSON.parse(a)) === (0,canonical_json/* canonicalJson */.d)(JSON.parse(b));
    }
    catch {
        return a === b;
    }
}
function desiredAssociationTags(entry, role, ownerId) {
    const tags = { ...entry.tags };
    // eksctl tags the association when it created the role; we do the same to stay interchangeable.
    if (role.roleIsOurs)
        tags[names_tags/* POD_IDENTITY_ASSOCIATION_TAG */.Ib] = (0,names_tags/* associationKey */.nU)(entry.namespace, entry.serviceAccountName);
    tags[names_tags/* OWNER_TAG */.FX] = ownerId;
    return tags;
}
function association_plan_createAssociation(ctx, entry, role, tags) {
    const fields = {
        ...(entry.targetRoleARN ? { targetRoleArn: entry.targetRoleARN } : {}),
        ...(entry.disableSessionTags !== undefined
            ? { disableSessionTags: entry.disableSessionTags }
            : {}),
        ...(entry.policy !== undefined ? { policy: entry.policy } : {}),
    };
    return createAssociationTask({
        clusterName: ctx.spec.name,
        namespace: entry.namespace,
        serviceAccount: entry.serviceAccountName,
        roleArn: role.roleArn,
        ...fields,
        tags,
    }, {
        reason: 'not in cluster',
        dependsOn: role.producedBy ? [role.producedBy] : [],
        after: { roleArn: role.currentArn ?? role.roleArn, ...fields, tags },
    });
}
function association_plan_updateAssociation(ctx, entry, role, live) {
    const before = {};
    const after = {};
    const reasons = [];
    const knownArn = role.currentArn ?? (typeof role.roleArn === 'string' ? role.roleArn : undefined);
    const roleChanged = knownArn === undefined || knownArn !== live.roleArn;
    if (roleChanged) {
        before.roleArn = live.roleArn;
        after.roleArn = knownArn ?? role.roleArn;
        reasons.push(role.switchReason ?? 'role differs');
    }
    const target = { live: live.targetRoleArn ?? '', want: entry.targetRoleARN ?? '' };
    if (target.live !== target.want) {
        before.targetRoleArn = target.live || null;
        after.targetRoleArn = target.want || null;
        reasons.push(target.want ? 'targetRoleARN differs' : 'targetRoleARN removed');
    }
    const sessionTags = {
        live: live.disableSessionTags ?? false,
        want: entry.disableSessionTags ?? false,
    };
    if (sessionTags.live !== sessionTags.want) {
        before.disableSessionTags = sessionTags.live;
        after.disableSessionTags = sessionTags.want;
        reasons.push('disableSessionTags differs');
    }
    const policy = { live: live.policy ?? '', want: entry.policy ?? '' };
    const policyChanged = !samePolicy(policy.live, policy.want);
    if (policyChanged) {
        before.policy = policy.live || null;
        after.policy = policy.want || null;
        reasons.push(policy.want ? 'policy differs' : 'policy removed');
    }
    if (reasons.length === 0)
        return undefined;
    return updateAssociationTask({
        clusterName: ctx.spec.name,
        associationId: live.associationId,
        namespace: live.namespace,
        serviceAccount: live.serviceAccount,
        roleArn: role.roleArn,
        // '' clears a value, as the API wants; omitted means unchanged.
        ...('targetRoleArn' in after ? { targetRoleArn: target.want } : {}),
        ...('disableSessionTags' in after ? { disableSessionTags: sessionTags.want } : {}),
        ...(policyChanged ? { policy: policy.want } : {}),
    }, {
        reason: reasons.join('; '),
        dependsOn: roleChanged && role.producedBy ? [role.producedBy] : [],
        before,
        after,
    });
}
function association_plan_tagAssociation(live, desired) {
    const changes = tagChanges(live.tags, desired);
    if (!changes)
        return undefined;
    return tagAssociationTask({
        associationArn: live.associationArn,
        namespace: live.namespace,
        serviceAccount: live.serviceAccount,
        ...changes.params,
    }, changes.adopt, changes.common);
}
function planEntry(ctx, entry, entryPath) {
    const key = (0,names_tags/* associationKey */.nU)(entry.namespace, entry.serviceAccountName);
    const { live, options } = ctx;
    const association = live.associations.find((a) => a.namespace === entry.namespace && a.serviceAccount === entry.serviceAccountName);
    if (association?.ownerArn) {
        const message = `cannot update podidentityassociation ${key} as it is in use by addon ${association.ownerArn}`;
        const hint = `declare it under addons[].podIdentityAssociations of that addon instead of iam.podIdentityAssociations`;
        return { key, tasks: [], problems: [entryProblem(entry, entryPath, 'error', message, hint)] };
    }
    const owner = association?.tags[names_tags/* OWNER_TAG */.FX];
    if (owner !== undefined && !mayManage(owner, options)) {
        const { message, hint } = managedElsewhere(`pod identity association ${key}`, owner, options);
        return { key, tasks: [], problems: [entryProblem(entry, entryPath, 'error', message, hint)] };
    }
    const stack = roleStacksOf(live, entry.namespace, entry.serviceAccountName)[0];
    const blocked = stack && stackBlocker(stack);
    if (blocked) {
        const problem = entryProblem(entry, entryPath, 'error', blocked.message, blocked.hint);
        return { key, tasks: [], problems: [problem] };
    }
    const subject = { namespace: entry.namespace, serviceAccount: entry.serviceAccountName };
    const irsa = entry.roleARN ? irsaRoleOf(live, entry.roleARN, subject) : undefined;
    const problems = checkUserRole(entry, entryPath, live, irsa !== undefined);
    if (problems.some((p) => p.severity === 'error'))
        return { key, tasks: [], problems };
    const trust = irsa
        ? planTrustMigration(live, irsa, subject, {
            target: key,
            removeOidc: options.removeOidcTrust === true,
        })
        : undefined;
    if (trust && 'problem' in trust) {
        const problem = entryProblem(entry, entryPath, 'error', trust.problem, 'plan again');
        return { key, tasks: [], problems: [...problems, problem] };
    }
    const taken = !entry.roleARN && !stack
        ? stackNameTaken(live, entry.namespace, entry.serviceAccountName)
        : undefined;
    if (taken) {
        const owner = taken.tags[names_tags/* POD_IDENTITY_ASSOCIATION_TAG */.Ib];
        const message = `the role stack this entry needs, "${taken.stackName}", already exists ${owner ? `for "${owner}"` : 'and is not a pod identity role stack of this service account'}`;
        const hint = owner
            ? 'eksctl names role stacks <namespace>-<serviceAccountName>, so these two collide; rename one of them, or give this entry a roleARN'
            : 'delete or rename that stack, or give this entry a roleARN';
        return {
            key,
            tasks: [],
            problems: [...problems, entryProblem(entry, entryPath, 'error', message, hint)],
        };
    }
    const role = planRole({
        owner: { kind: 'association', key },
        entry,
        stackName: (0,stack_names/* podIdentityRoleStackName */.Bk)(ctx.spec.name, entry.namespace, entry.serviceAccountName),
        stackTags: roleStackTags(ctx.spec, entry, options.ownerId),
        stack,
        liveRoleArn: association?.roleArn,
    });
    const policyProblems = checkRolePolicies(entry, { path: entryPath, location: entry.location, valueLocations: entry.valueLocations }, role.tasks, live);
    problems.push(...policyProblems);
    if (policyProblems.some((p) => p.severity === 'error'))
        return { key, tasks: [], problems };
    // A migrated owned role lives in its eksctl stack, re-tagged as a pod identity role stack.
    const roleIsOurs = role.roleIsOurs || trust?.owned === true;
    const tags = desiredAssociationTags(entry, { ...role, roleIsOurs }, options.ownerId);
    const tasks = [...(trust ? [trust.task] : []), ...role.tasks];
    const associationStep = association
        ? association_plan_updateAssociation(ctx, entry, role, association)
        : association_plan_createAssociation(ctx, entry, role, tags);
    // EKS checks the trust policy when the association is made: the migration comes first.
    if (associationStep && trust)
        associationStep.dependsOn.push(trust.task.id);
    if (associationStep)
        tasks.push(associationStep);
    const tagStep = association ? association_plan_tagAssociation(association, tags) : undefined;
    if (tagStep)
        tasks.push(tagStep);
    if (role.staleStack) {
        tasks.push(deleteStackTask({ kind: 'association', key }, role.staleStack, {
            reason: role.switchReason ?? 'no longer used',
            dependsOn: associationStep ? [associationStep.id] : [],
        }));
    }
    const annotation = options.removeOidcTrust
        ? planAnnotationRemoval(live, entry, [associationStep?.id ?? trust?.task.id].filter(isId))
        : undefined;
    if (annotation)
        tasks.push(annotation);
    return { key, tasks, problems };
}
const isId = (id) => id !== undefined;

;// CONCATENATED MODULE: ./src/plan/unreadable-cluster.ts
// The one plan error of a cluster that could not be read. It is about the cluster, not a line of the
// file (the file may be right and the credentials wrong), so it names the file without a position;
// a cluster that does not exist gets the clusters of its region and the closest name.

/** How many of the region's clusters a hint lists before "…". */
const LISTED = 5;
function notFoundHint(spec, { clustersInRegion: clusters, foundInRegion }) {
    if (foundInRegion) {
        return `it is in ${foundInRegion} (the default region of these credentials), not ${spec.region}: set metadata.region: ${foundInRegion}`;
    }
    const fix = 'fix metadata.name, or metadata.region if the cluster is in another region';
    if (clusters === undefined)
        return fix;
    if (clusters.length === 0) {
        return `no cluster in ${spec.region} is visible to these credentials: check metadata.region and the AWS account`;
    }
    const named = clusters.slice(0, LISTED).map((c) => `"${c}"`);
    const list = `${named.join(', ')}${clusters.length > LISTED ? ', …' : ''}`;
    const guess = (0,schema/* closest */.kp)(spec.name, clusters);
    return `${guess ? `did you mean "${guess}"? ` : ''}clusters in ${spec.region}: ${list}; ${fix}`;
}
function unreadableClusterProblem(spec, live) {
    const hint = live.notFound ? notFoundHint(spec, live.notFound) : live.hint;
    const message = live.notFound
        ? `cluster "${spec.name}" was not found in ${spec.region}`
        : `cluster "${spec.name}" (${spec.region}) could not be read: ${live.reason}`;
    return {
        severity: 'error',
        file: spec.file,
        line: 0,
        column: 0,
        path: 'metadata',
        message,
        ...(hint ? { hint } : {}),
    };
}

;// CONCATENATED MODULE: ./src/plan/prune-plan.ts
// What the cluster has and the config no longer names: deleted per `prune`, or listed as
// unmanaged. Add-on-owned associations are never touched here (only through their add-on).






function deleteStacks(key, stacks, reason, dependsOn) {
    return stacks
        .filter((s) => stackCondition(s.status) !== 'in-progress' && stackCondition(s.status) !== 'gone')
        .map((stack, i) => deleteStackTask({ kind: 'association', key }, stack, {
        reason,
        dependsOn,
        ...(i > 0 ? { idSuffix: stack.stackName } : {}),
    }));
}
function unmanagedReason(ctx, association) {
    if (ctx.options.prune === 'none')
        return 'not in config; not managed, left alone (prune: none)';
    const owner = association.tags[names_tags/* OWNER_TAG */.FX];
    if (owner !== undefined)
        return `not in config; managed by "${owner}", left alone`;
    return 'not in config; not managed, left alone';
}
function planPrune(ctx, configured) {
    const { live, options } = ctx;
    const tasksByKey = new Map();
    const unmanaged = [];
    for (const association of live.associations) {
        const key = (0,names_tags/* associationKey */.nU)(association.namespace, association.serviceAccount);
        if (configured.has(key) || association.ownerArn)
            continue;
        if (!prunes(association, options)) {
            unmanaged.push({
                namespace: association.namespace,
                serviceAccount: association.serviceAccount,
                associationId: association.associationId,
                reason: unmanagedReason(ctx, association),
            });
            continue;
        }
        const serviceAccount = planServiceAccountDeletion(live, association);
        const pruneReason = `not in config (prune: ${options.prune})`;
        const reason = serviceAccount.note ? `${pruneReason}; ${serviceAccount.note}` : pruneReason;
        // The role stack and the service account go first, the association last: until the
        // association is gone it carries our owner tag, so a run killed in between finds the rest to
        // do. (The stack of an association adopted from eksctl has no owner tag of its own and would
        // otherwise be orphaned.)
        const stacks = roleStacksOf(live, association.namespace, association.serviceAccount);
        const stackTasks = [
            ...deleteStacks(key, stacks, pruneReason, []),
            ...(serviceAccount.task ? [serviceAccount.task] : []),
        ];
        const deletion = deleteAssociationTask({
            clusterName: live.name,
            associationId: association.associationId,
            namespace: association.namespace,
            serviceAccount: association.serviceAccount,
        }, {
            reason,
            dependsOn: stackTasks.map((t) => t.id),
            before: {
                roleArn: association.roleArn,
                ...(association.targetRoleArn ? { targetRoleArn: association.targetRoleArn } : {}),
                tags: association.tags,
            },
        });
        tasksByKey.set(key, [...stackTasks, deletion]);
    }
    if (options.prune !== 'none') {
        // Role stacks we made whose association never came (or already went) and whose entry is gone:
        // left by a crash between the two steps, or by a prune interrupted after the association.
        const withAssociation = new Set(live.associations.map((a) => (0,names_tags/* associationKey */.nU)(a.namespace, a.serviceAccount)));
        for (const stack of live.stacks) {
            const key = stack.tags[names_tags/* POD_IDENTITY_ASSOCIATION_TAG */.Ib];
            if (key === undefined || stack.tags[names_tags/* OWNER_TAG */.FX] !== options.ownerId)
                continue;
            if (configured.has(key) || withAssociation.has(key) || tasksByKey.has(key))
                continue;
            const { namespace, serviceAccount: sa } = (0,names_tags/* splitAssociationKey */.d_)(key);
            if (!(0,stack_names/* roleStackNamesFor */.kd)(live.name, namespace, sa).includes(stack.stackName))
                continue;
            const stacks = roleStacksOf(live, namespace, sa).filter((s) => s.tags[names_tags/* OWNER_TAG */.FX] === options.ownerId);
            tasksByKey.set(key, deleteStacks(key, stacks, 'role stack without association, not in config', []));
        }
    }
    return { tasksByKey, unmanaged };
}

;// CONCATENATED MODULE: ./src/plan/plan-cluster.ts
// Desired × live → the plan of one cluster, and of all of them. Pure and deterministic: the same
// inputs give byte-identical output (add-ons in config order, the agent first; associations in
// namespace/SA order). The agent comes first; add-ons and associations then run side by side.













const ENTRIES_PATH = 'iam.podIdentityAssociations';
/** Plain code-unit order: locale-independent, so output never depends on the machine. */
const compareText = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
/** Namespace first, then service account: `a-b/c` sorts with namespace `a-b`, not by the raw text. */
function compareKeys(a, b) {
    const x = (0,names_tags/* splitAssociationKey */.d_)(a);
    const y = (0,names_tags/* splitAssociationKey */.d_)(b);
    return compareText(x.namespace, y.namespace) || compareText(x.serviceAccount, y.serviceAccount);
}
function emptyPlan(spec, options, errors) {
    return {
        cluster: spec.name,
        region: spec.region,
        file: spec.file,
        tasks: [],
        errors,
        warnings: [],
        unmanaged: [],
        unmanagedAddons: [],
        notManaged: spec.notManaged,
        unchanged: 0,
        fingerprint: (0,fingerprint/* fingerprint */.Rj)([], options.salt),
    };
}
function isMissing(live) {
    return 'missing' in live && live.missing === true;
}
function collect(into, problems) {
    for (const p of problems)
        (p.severity === 'error' ? into.errors : into.warnings).push(p);
}
/** The config's associations, each planned in namespace/SA order; tasks grouped by key. */
function planEntries(ctx, into) {
    const groups = new Map();
    const configured = new Set();
    const entries = ctx.spec.podIdentityAssociations
        .map((entry, index) => ({ entry, path: `${ENTRIES_PATH}[${index}]` }))
        .sort((a, b) => compareKeys((0,names_tags/* associationKey */.nU)(a.entry.namespace, a.entry.serviceAccountName), (0,names_tags/* associationKey */.nU)(b.entry.namespace, b.entry.serviceAccountName)));
    for (const { entry, path } of entries) {
        const key = (0,names_tags/* associationKey */.nU)(entry.namespace, entry.serviceAccountName);
        if (configured.has(key)) {
            const message = `duplicate pod identity association for service account "${key}"; EKS allows one per service account`;
            into.errors.push(planProblem(entry.location, path, 'error', message));
            continue;
        }
        configured.add(key);
        const planned = planEntry(ctx, entry, path);
        collect(into, planned.problems);
        const ok = planned.problems.every((p) => p.severity !== 'error');
        const serviceAccount = ok ? planServiceAccount(ctx.live, entry) : undefined;
        if (serviceAccount) {
            // eksctl's order: the service account exists before its association does.
            for (const t of planned.tasks)
                if (t.kind === 'create-association')
                    t.dependsOn.push(serviceAccount.id);
            planned.tasks.unshift(serviceAccount);
        }
        if (planned.tasks.length > 0)
            groups.set(key, planned.tasks);
        else if (planned.problems.every((p) => p.severity !== 'error'))
            into.unchanged += 1;
    }
    return { groups, configured };
}
/** The config's add-ons, the agent first. */
function planAddons(ctx, into) {
    const plans = ctx.spec.addons
        .map((addon, index) => planAddon(ctx, addon, index))
        .sort((a, b) => Number(b.name === names_addons/* AGENT_ADDON */.t) - Number(a.name === names_addons/* AGENT_ADDON */.t));
    for (const plan of plans) {
        collect(into, plan.problems);
        if (plan.unchanged)
            into.unchanged += 1;
    }
    return plans;
}
const setsIdentity = (task) => (task.kind === 'create-addon' || task.kind === 'update-addon') &&
    (task.params.podIdentityAssociations?.length ?? 0) > 0;
/**
 * An add-on that takes over a service account another association holds fails in EKS
 * (ResourceInUseException): wait for that association's deletion when the plan deletes it, else
 * say so now with eksctl's message.
 */
function checkClaims(ctx, addons, tasks, into) {
    for (const addon of addons) {
        const owner = ctx.live.addons[addon.name]?.arn;
        const held = addon.claims.flatMap((claim) => ctx.live.associations.filter((a) => a.serviceAccount === claim.serviceAccount &&
            (claim.namespace === '' || a.namespace === claim.namespace) &&
            (owner === undefined || a.ownerArn !== owner)));
        const step = tasks.find((t) => t.id === addon.stepId);
        const blocking = held.filter((a) => {
            const deletion = tasks.find((t) => t.kind === 'delete-association' && t.params.associationId === a.associationId);
            if (deletion && step)
                step.dependsOn.push(deletion.id);
            return !deletion;
        });
        // A standalone association this same plan creates would collide with the add-on's in EKS.
        const planned = ctx.spec.podIdentityAssociations.filter((entry) => addon.claims.some((claim) => claim.serviceAccount === entry.serviceAccountName &&
            (claim.namespace === '' || claim.namespace === entry.namespace)) &&
            !held.some((a) => a.namespace === entry.namespace && a.serviceAccount === entry.serviceAccountName));
        const clashing = [
            ...blocking.map((a) => a.serviceAccount),
            ...planned.map((e) => e.serviceAccountName),
        ];
        if (clashing.length === 0)
            continue;
        const names = [...new Set(clashing)].map((sa) => `"${sa}"`).join(',');
        const spec = ctx.spec.addons.find((a) => a.name === addon.name);
        into.errors.push(planProblem(spec?.location ?? ctx.spec.location, `addons[${ctx.spec.addons.findIndex((a) => a.name === addon.name)}]`, 'error', `one or more service accounts corresponding to "${addon.name}" addon is already associated with a different IAM role; please delete all pre-existing pod identity associations corresponding to ${names} service account(s) in the addon's namespace, then re-try creating the addon`, 'remove those associations from iam.podIdentityAssociations (and let prune delete them), or delete them by hand'));
    }
}
/** The agent first: what needs it waits for it; without it (and not listed) the plan fails. */
function wireAgent(ctx, tasks, into) {
    const create = tasks.find((t) => t.id === `create-addon:${names_addons/* AGENT_ADDON */.t}`);
    const needers = tasks.filter((t) => t.kind === 'create-association' || setsIdentity(t));
    if (create) {
        for (const t of tasks) {
            const waits = t.kind === 'create-association' ||
                (t.target.startsWith('addon:') && t.target !== create.target && t.kind.endsWith('-addon'));
            if (waits)
                t.dependsOn.push(create.id);
        }
    }
    else if (needers.length > 0 && !agentInstalled(ctx)) {
        into.errors.push(agentMissing(ctx));
    }
}
/**
 * The agent may go only when nothing left needs it: associations the plan keeps or creates (those of
 * add-ons the plan deletes go with them). It goes last, after the deletions that free it.
 */
function checkAgentDeletion(ctx, tasks, into) {
    const { live } = ctx;
    const agentDeletion = tasks.find((t) => t.id === `delete-addon:${names_addons/* AGENT_ADDON */.t}`);
    const deletions = tasks.filter((t) => t !== agentDeletion && (t.kind === 'delete-association' || t.kind === 'delete-addon'));
    agentDeletion?.dependsOn.push(...deletions.map((t) => t.id));
    if (live.autoMode)
        return;
    const deletedIds = new Set(deletions.flatMap((t) => (t.kind === 'delete-association' ? [t.params.associationId] : [])));
    const deletedOwners = new Set(deletions.flatMap((t) => t.kind === 'delete-addon' ? [live.addons[t.params.addonName]?.arn ?? ''] : []));
    const remaining = live.associations.filter((a) => !deletedIds.has(a.associationId) && !(a.ownerArn && deletedOwners.has(a.ownerArn))).length;
    const created = tasks.filter((t) => t.kind === 'create-association' || setsIdentity(t)).length;
    if (remaining + created > 0)
        into.errors.push(agentStillNeeded(ctx, remaining + created));
}
function planCluster(spec, live, options) {
    const problem = (message, hint) => planProblem(spec.location, 'metadata.name', 'error', message, hint);
    if (isMissing(live)) {
        return emptyPlan(spec, options, [unreadableClusterProblem(spec, live)]);
    }
    if (live.status !== 'ACTIVE') {
        const message = `Cluster '${live.name}' is not in ACTIVE status (status: ${live.status})`;
        return emptyPlan(spec, options, [problem(message, 'plan again when the cluster is ACTIVE')]);
    }
    const ctx = { spec, live, options };
    const into = { errors: [], warnings: [], unchanged: 0 };
    const addons = planAddons(ctx, into);
    const { groups, configured } = planEntries(ctx, into);
    const pruned = planPrune(ctx, configured);
    for (const [key, tasks] of pruned.tasksByKey)
        if (tasks.length > 0)
            groups.set(key, tasks);
    const addonPrune = planAddonPrune(ctx);
    const tasks = [
        ...addons.flatMap((a) => a.tasks),
        ...[...groups.keys()].sort(compareKeys).flatMap((key) => groups.get(key) ?? []),
        ...addonPrune.tasks,
    ];
    wireAgent(ctx, tasks, into);
    collect(into, [
        ...supersededServiceAccounts(spec),
        ...kubernetesReadProblems(spec, live, options),
        ...kubernetesAccessProblems(spec, live, options),
    ]);
    checkClaims(ctx, addons, tasks, into);
    if (addonPrune.deletesAgent)
        checkAgentDeletion(ctx, tasks, into);
    return {
        cluster: spec.name,
        region: spec.region,
        file: spec.file,
        tasks,
        errors: into.errors,
        warnings: into.warnings,
        unmanaged: pruned.unmanaged.sort((a, b) => compareKeys((0,names_tags/* associationKey */.nU)(a.namespace, a.serviceAccount), (0,names_tags/* associationKey */.nU)(b.namespace, b.serviceAccount))),
        unmanagedAddons: addonPrune.unmanaged,
        notManaged: [...spec.notManaged, ...addons.flatMap((a) => a.notManaged)].sort((a, b) => a.line - b.line || a.column - b.column),
        unchanged: into.unchanged,
        fingerprint: (0,fingerprint/* fingerprint */.Rj)(tasks, options.salt),
    };
}
/** Every cluster, in (file, cluster name) order; a spec without live state counts as missing. */
function planAll(specs, lives, options) {
    const ordered = [...specs].sort((a, b) => compareText(a.file, b.file) || compareText(a.name, b.name));
    const clusters = ordered.map((spec) => {
        const live = lives.find((l) => l.name === spec.name && l.region === spec.region) ??
            {
                name: spec.name,
                region: spec.region,
                missing: true,
                reason: 'no live state was read',
            };
        return planCluster(spec, live, options);
    });
    return { version: 1, clusters };
}

;// CONCATENATED MODULE: ./src/state/policies.ts
// The managed policies and permissions boundaries a plan's new or changed roles attach: what IAM
// says of each (GetPolicy, read-only), once per ARN per run, and, only when one is missing, the
// policies IAM lists, so the plan can say which one was meant.


function newPolicyLookups() {
    return { statuses: new Map(), listings: new Map() };
}
const denied = (error) => (0,errors/* isAwsError */.m_)(error, 'AccessDenied', 'AccessDeniedException');
function policies_statusOf(iam, arn, lookups) {
    let status = lookups.statuses.get(arn);
    if (!status) {
        status = getPolicyStatus(iam, arn).catch((error) => {
            if (denied(error))
                return 'unreadable';
            throw error;
        });
        lookups.statuses.set(arn, status);
    }
    return status;
}
/** AWS managed policies live in the `aws` account; any other is the caller's own. */
const scopeOf = (arn) => /^arn:[^:]+:iam::aws:/.test(arn) ? 'AWS' : 'Local';
function listing(iam, scope, lookups) {
    let arns = lookups.listings.get(scope);
    if (!arns) {
        // A hint is a nicety: without iam:ListPolicies the plan still names the missing policy.
        arns = listPolicyArns(iam, scope).catch((error) => {
            if (denied(error))
                return undefined;
            throw error;
        });
        lookups.listings.set(scope, arns);
    }
    return arns;
}
async function readPolicies(iam, arns, lookups) {
    const unique = [...new Set(arns)];
    const statuses = await Promise.all(unique.map((arn) => policies_statusOf(iam, arn, lookups)));
    const policies = Object.fromEntries(unique.map((arn, i) => [arn, statuses[i]]));
    const scopes = [
        ...new Set(unique.filter((arn) => policies[arn] === 'missing').map((arn) => scopeOf(arn))),
    ];
    if (scopes.length === 0)
        return { policies };
    const listed = await Promise.all(scopes.map((scope) => listing(iam, scope, lookups)));
    const known = listed.flatMap((arns) => arns ?? []);
    return { policies, ...(known.length > 0 ? { knownPolicyArns: known } : {}) };
}

;// CONCATENATED MODULE: ./src/state/addons.ts
// The add-ons of one cluster as the planner needs them: the config's (and the agent), settled when
// in progress; every add-on's name; the others' tags when pruning may delete them; and, per add-on of
// the config, the versions EKS offers and the pod identity configuration of the version it will run.




/** An add-on still moving (a run killed mid-update) is waited for: the plan only sees settled states. */
async function settledAddon(cluster, name, deps) {
    const addon = await describeAddon(deps.clients.eks, cluster, name).catch((error) => {
        // eksctl's words for these failures: its agent check (IsPodIdentityAgentInstalled), and create.
        const call = name === names_addons/* AGENT_ADDON */.t
            ? `calling "EKS::DescribeAddon::${name}"`
            : `failed to describe addon "${name}"`;
        throw new Error(`${call}: ${(0,errors/* errorMessage */.gJ)(error)}`, { cause: error });
    });
    if (!addon || !['CREATING', 'UPDATING', 'DELETING'].includes(addon.status))
        return addon;
    deps.log(`waiting for addon "${name}" (${addon.status}) to settle`);
    return deps.addonWatcher.wait({ clusterName: cluster, addonName: name }, 'settle', deps.log);
}
/**
 * The add-on's pod identity configuration decides something: its roles (associations listed,
 * useDefault, autoApply on create), or which way of granting IAM the plan's warning recommends (a
 * new add-on that needs IAM, autoApply on an existing one).
 */
function needsPodIdentityConfig(spec, cluster, live, requiresIam) {
    return ((spec.podIdentityAssociations?.length ?? 0) > 0 ||
        spec.useDefaultPodIdentityAssociations ||
        (requiresIam && (live === undefined || cluster.addonsConfig.autoApplyPodIdentityAssociations)));
}
async function catalogOf(spec, cluster, kubernetesVersion, offered, live, deps) {
    const { versions } = offered;
    const catalog = { ...offered, podIdentity: {} };
    const target = targetAddonVersion(spec.name, kubernetesVersion, versions, spec.version, live?.version);
    if (!target.version)
        return catalog;
    if (!needsPodIdentityConfig(spec, cluster, live, target.version.requiresIamPermissions)) {
        return catalog;
    }
    const version = target.version.version;
    catalog.podIdentity[version] = await describeAddonConfiguration(deps.clients.eks, spec.name, version);
    return catalog;
}
/**
 * The add-ons are listed and described as soon as the cluster's name is known; the versions EKS
 * offers wait for its Kubernetes version (DescribeCluster's answer).
 */
async function readAddons(cluster, version, deps) {
    const { eks } = deps.clients;
    const listed = [...new Set([names_addons/* AGENT_ADDON */.t, ...cluster.addons.map((a) => a.name)])];
    const [names, listedAddons, [kubernetesVersion, versions]] = await Promise.all([
        listAddons(eks, cluster.name),
        Promise.all(listed.map((name) => settledAddon(cluster.name, name, deps))),
        version.then(async (v) => {
            const offered = cluster.addons.map((a) => describeAddonVersions(eks, a.name, v));
            return [v, await Promise.all(offered)];
        }),
    ]);
    // Add-ons outside the config: their tags decide whether prune may delete them.
    const others = deps.describeOthers ? names.filter((n) => !listed.includes(n)) : [];
    const [otherAddons, catalogs] = await Promise.all([
        Promise.all(others.map((name) => settledAddon(cluster.name, name, deps))),
        Promise.all(cluster.addons.map((spec, i) => {
            const live = listedAddons[listed.indexOf(spec.name)];
            return catalogOf(spec, cluster, kubernetesVersion, versions[i], live, deps);
        })),
    ]);
    const addons = {};
    const gone = new Set();
    [...listed, ...others].forEach((name, i) => {
        const addon = [...listedAddons, ...otherAddons][i];
        if (addon)
            addons[name] = addon;
        else
            gone.add(name);
    });
    return {
        addons,
        // A listed name whose add-on finished deleting while we waited is gone.
        addonNames: names.filter((n) => !gone.has(n)),
        addonCatalog: Object.fromEntries(cluster.addons.map((spec, i) => [spec.name, catalogs[i]])),
    };
}

;// CONCATENATED MODULE: ./src/state/read.ts
// Reads the live state of one cluster through the AWS adapters.










/** eksctl's stacks for a cluster: exact name shapes (never substrings, eksctl #8484) and its cluster tag. */
function isClusterStack(stack, cluster) {
    if (!(0,stack_names/* isPodIdentityStackName */.xu)(stack.stackName, cluster))
        return false;
    return stack.tags[names_tags/* CLUSTER_NAME_TAG */.mT] === cluster || stack.tags[names_tags/* OLD_CLUSTER_NAME_TAG */.EJ] === cluster;
}
/**
 * Whose template the planner compares: the own-role stacks of the config's associations, and the
 * role stacks (and the IRSA stack, whose role a migrated add-on may use) of the config's add-ons.
 */
function stacksToCompare(spec) {
    const names = new Set(spec.podIdentityAssociations.flatMap((pia) => (0,stack_names/* roleStackNamesFor */.kd)(spec.name, pia.namespace, pia.serviceAccountName)));
    for (const addon of spec.addons)
        names.add((0,stack_names/* addonIrsaStackName */.VS)(spec.name, addon.name));
    const addonPrefixes = spec.addons.map((a) => (0,stack_names/* addonPodIdentityRoleStackName */.Bw)(spec.name, a.name, ''));
    return (name) => names.has(name) || addonPrefixes.some((prefix) => name.startsWith(prefix));
}
/** The roles the config names by ARN, standalone or under an add-on. */
function configRoleArns(spec) {
    const entries = [
        ...spec.podIdentityAssociations,
        ...spec.addons.flatMap((a) => a.podIdentityAssociations ?? []),
    ];
    return [...new Set(entries.map((p) => p.roleARN).filter((a) => !!a))];
}
/** Marks a read started ahead as handled: it is awaited later, or dropped with a missing cluster. */
function started(promise) {
    promise.catch(() => { });
    return promise;
}
/**
 * All reads that need only the cluster's name (the association list and its describes, the
 * region's stack listing, the add-ons) go out with DescribeCluster; those that need its answer (the
 * Kubernetes version, the account, the API endpoint) follow it. DescribeCluster's failure, and a
 * missing cluster, are reported as if it had been read alone.
 */
async function readClusterState(spec, deps) {
    const { eks, cloudformation } = deps.clients;
    const infoPromise = describeCluster(eks, spec.name);
    const found = infoPromise.then((info) => info ?? Promise.reject(new Error('no such cluster')));
    const addonsPromise = started(readAddons(spec, found.then((info) => info.version), deps));
    const described = [];
    const associationsPromise = started(listAssociations(eks, spec.name, {}, (page) => {
        for (const s of page) {
            // Awaited below with the rest; marked handled now so a failure while later pages are
            // still listing is not an unhandled rejection.
            described.push(started(describeAssociation(eks, spec.name, s.associationId ?? '')));
        }
    }).then(() => Promise.all(described)));
    let listing = deps.stackListings.get(spec.region);
    if (!listing) {
        listing = started(describeAllStacks(cloudformation));
        deps.stackListings.set(spec.region, listing);
    }
    const compare = stacksToCompare(spec);
    // A stack holding a role the config names (an IRSA role being migrated, e.g. vpc-cni on the
    // kube-system/aws-node iamserviceaccount role): its trust policy changes through its template.
    const namedRoles = new Set(configRoleArns(spec));
    // Waiting for a stack to settle is not a read: only for a cluster that exists.
    const stacksPromise = started(Promise.all([listing, found])
        .then(([all]) => settleStacks(all.filter((s) => isClusterStack(s, spec.name)), deps))
        .then((settled) => settled.filter((s) => s.status !== 'DELETE_COMPLETE'))
        .then((stacks) => Promise.all(stacks.map(async (s) => {
        if (compare(s.stackName) || namedRoles.has(s.outputs[template_ids/* ROLE_OUTPUT */.vw] ?? ''))
            s.template = await getTemplate(cloudformation, s.stackId);
        return s;
    }))));
    const info = await infoPromise;
    if (!info) {
        return {
            name: spec.name,
            region: spec.region,
            missing: true,
            reason: `No cluster found for name: ${spec.name}.`,
            notFound: { clustersInRegion: await listClusterNames(eks) },
        };
    }
    const accountId = accountFromArn(info.arn);
    const kube = deps.kubernetes;
    const kubernetesPromise = associationsPromise.then((found) => {
        const namespaces = kube?.namespaces(found.filter((a) => a !== undefined)) ?? [];
        if (!kube || namespaces.length === 0)
            return undefined;
        return readKubernetes(kube.session(info), namespaces, () => kube.whoAmI());
    });
    const rolesPromise = Promise.all(configRoleArns(spec).map(async (arn) => {
        // A role in another account cannot be read with this account's credentials.
        if (accountFromArn(arn) !== accountId)
            return [arn, undefined];
        return [arn, await lookUpRole(arn, accountId, deps)];
    }));
    const [addons, associations, stacks, roles, kubernetes] = await Promise.all([
        addonsPromise,
        associationsPromise,
        stacksPromise,
        rolesPromise,
        kubernetesPromise,
    ]);
    return {
        name: spec.name,
        region: spec.region,
        accountId,
        arn: info.arn,
        status: info.status,
        version: info.version,
        autoMode: info.autoMode,
        ipFamily: info.ipFamily,
        ...(info.oidcIssuer ? { oidcIssuer: info.oidcIssuer } : {}),
        ...addons,
        associations: associations.filter((a) => a !== undefined),
        stacks,
        roles: Object.fromEntries(roles.filter(([, r]) => r !== undefined)),
        policies: {},
        ...(kubernetes ? { kubernetes } : {}),
    };
}
/**
 * The role by the name in its ARN (GetRole takes no path or partition; the planner compares the
 * whole ARN IAM answers with the configured one); undefined when reading it is denied.
 */
function lookUpRole(arn, accountId, deps) {
    const name = roleNameFromArn(arn);
    const key = `${accountId}/${name.toLowerCase()}`;
    let lookup = deps.roleLookups.get(key);
    if (!lookup) {
        lookup = getRole(deps.clients.iam, name).catch((error) => {
            if ((0,errors/* isAwsError */.m_)(error, 'AccessDenied', 'AccessDeniedException'))
                return undefined;
            throw error;
        });
        deps.roleLookups.set(key, lookup);
    }
    return lookup;
}
/**
 * A stack still in progress (e.g. a run killed while waiting) is waited for, so the planner only
 * sees settled states; planning against a moving stack would be planning a guess.
 */
async function settleStacks(stacks, deps) {
    return Promise.all(stacks.map(async (stack) => {
        if (!isInProgress(stack.status))
            return { ...stack };
        deps.log(`waiting for CloudFormation stack "${stack.stackName}" (${stack.status}) to settle`);
        const result = await deps.watcher.wait(stack.stackId, 'settle', {
            stackName: stack.stackName,
            log: deps.log,
        });
        return result.stack ? { ...result.stack } : { ...stack, status: 'DELETE_COMPLETE' };
    }));
}

;// CONCATENATED MODULE: ./src/state/irsa-discovery.ts
// Reads what a cluster runs on IRSA, as eksctl's `utils migrate-to-pod-identity` does (reference
// §7.2): the OIDC provider, the agent, eksctl's iamserviceaccount stacks, annotated service
// accounts (all namespaces), the add-ons with a service-account role, their pod identity support
// and roles. Read-only; errors carry eksctl's wording. plan/migration-discovery.ts decides.











const wrap = (prefix) => (error) => {
    throw new Error(`${prefix}: ${(0,errors/* errorMessage */.gJ)(error)}`, { cause: error });
};
async function readIrsa(cluster, region, deps) {
    const { eks, iam, cloudformation } = deps.clients;
    const info = await describeCluster(eks, cluster);
    if (!info)
        throw new Error(`No cluster found for name: ${cluster}.`);
    const accountId = accountFromArn(info.arn);
    const found = {
        cluster,
        region,
        accountId,
        agentInstalled: false,
        irsaStacks: [],
        serviceAccounts: [],
        addons: [],
        addonPodIdentity: {},
        roles: {},
        addonNamespaces: {},
        stackNames: [],
    };
    const partition = info.arn.split(':')[1] || 'aws';
    const provider = info.oidcIssuer
        ? oidcProviderArn(info.oidcIssuer, accountId, partition)
        : undefined;
    const exists = provider !== undefined &&
        (await oidcProviderExists(iam, provider).catch(wrap(`reading the IAM OIDC provider of cluster "${cluster}"`)));
    if (!exists)
        return found;
    found.oidcProvider = provider;
    found.agentInstalled =
        info.autoMode ||
            (await describeAddon(eks, cluster, names_addons/* AGENT_ADDON */.t).catch(wrap(`calling "EKS::DescribeAddon::${names_addons/* AGENT_ADDON */.t}"`))) !== undefined;
    const stacks = (await describeAllStacks(cloudformation).catch(wrap('getting iamserviceaccount role stacks'))).filter((s) => isClusterStack(s, cluster) && s.status !== 'DELETE_COMPLETE');
    found.stackNames = stacks.map((s) => s.stackName);
    found.irsaStacks = stacks
        .filter((s) => names_tags/* IAM_SERVICE_ACCOUNT_TAG */.PR in s.tags && s.outputs[template_ids/* ROLE_OUTPUT */.vw])
        .map((s) => ({
        stackName: s.stackName,
        roleArn: s.outputs[template_ids/* ROLE_OUTPUT */.vw],
        serviceAccount: s.tags[names_tags/* IAM_SERVICE_ACCOUNT_TAG */.PR],
    }));
    const session = deps.kubernetes(info);
    if (!session)
        throw new Error(`cluster "${cluster}" has no Kubernetes API endpoint`);
    found.serviceAccounts = (await listAllServiceAccounts(session()).catch(wrap('listing k8s service accounts'))).filter((sa) => kubernetes/* IRSA_ROLE_ANNOTATION */.nR in sa.annotations);
    found.addons = await irsa_discovery_readAddons(deps.clients, cluster).catch(wrap('creating addon service account role mapper: listing addons'));
    for (const addon of found.addons.filter((a) => a.podIdentityAssociations.length === 0)) {
        await readAddonMigration(deps.clients, addon, info.version, found).catch(wrap(`error migrating addons to use pod identity: migrating addon ${addon.name}`));
    }
    return found;
}
/** Every add-on of the cluster that runs with a service-account role (ListAddons, DescribeAddon). */
async function irsa_discovery_readAddons(clients, cluster) {
    const names = [...(await listAddons(clients.eks, cluster))].sort();
    const addons = await Promise.all(names.map((name) => describeAddon(clients.eks, cluster, name)));
    return addons.filter((a) => a !== undefined && !!a.serviceAccountRoleArn);
}
/** Its pod identity support at its version, and when supported its role and namespace. */
async function readAddonMigration(clients, addon, kubernetesVersion, found) {
    const podIdentity = await describeAddonConfiguration(clients.eks, addon.name, addon.version).catch(wrap(`describing pod identity configuration for addon ${addon.name}`));
    found.addonPodIdentity[addon.name] = podIdentity;
    if (podIdentity.length === 0)
        return;
    const roleArn = addon.serviceAccountRoleArn ?? '';
    found.roles[roleArn] = await getRole(clients.iam, roleNameFromArn(roleArn)).catch(wrap(`extracting service account from role ${roleArn}`));
    const namespace = addon.namespace ??
        (await describeAddonVersions(clients.eks, addon.name, kubernetesVersion)).defaultNamespace;
    if (namespace)
        found.addonNamespaces[addon.name] = namespace;
}

;// CONCATENATED MODULE: ./src/engine/engine.ts
// The engine shared by the CLI and the action: read live state, plan, apply.
// It owns the AWS session (clients per region, one request limiter, the stack and add-on watchers
// of each region).

















const clusterKey = (name, region) => `${region}/${name}`;
/** Access denied, an unreachable endpoint…: the plan for this cluster says why, others go on. */
function unreadable(spec, error) {
    const { reason, hint } = explainReadFailure(error, spec.region, process.env);
    return { name: spec.name, region: spec.region, missing: true, reason, ...(hint ? { hint } : {}) };
}
class Engine {
    options;
    pool;
    watchers = new Map();
    /** Stack outputs seen by the last plan, per cluster: apply starts from them instead of re-reading. */
    knownOutputs = new Map();
    /** Each cluster's Kubernetes API (from the plan's DescribeCluster), opened on first use. */
    kubeEndpoints = new Map();
    kubeSessions = new Map();
    constructor(options) {
        this.options = options;
        this.pool = new ClientPool({
            concurrency: options.concurrency,
            credentials: options.credentials,
        });
    }
    /** The clients a cluster's calls go through, in `region` (its own, or another it is looked for in). */
    clientsOf(cluster, region) {
        return this.pool.get(region, this.options.identityOf?.(cluster, region));
    }
    /** One stack watcher (shared polls) and one add-on watcher per region and identity. */
    watchersOf(cluster, region) {
        const key = `${this.options.identityOf?.(cluster, region)?.key ?? ''}\n${region}`;
        let watchers = this.watchers.get(key);
        if (!watchers) {
            const clients = this.clientsOf(cluster, region);
            watchers = {
                stacks: new StackWatcher(clients.cloudformation),
                addons: new AddonWatcher(clients.eks),
            };
            this.watchers.set(key, watchers);
        }
        return watchers;
    }
    /** The cluster's Kubernetes session, made once per run from the endpoint its plan read. */
    kubeSession(cluster, region) {
        const key = clusterKey(cluster, region);
        let session = this.kubeSessions.get(key);
        if (!session) {
            const endpoint = this.kubeEndpoints.get(key);
            if (!endpoint)
                throw new Error(`the Kubernetes endpoint of cluster "${cluster}" was not read`);
            const clients = this.clientsOf(cluster, region);
            session = new KubeSession({ cluster, region, ...endpoint }, {
                credentials: () => clients.sts.config.credentials(),
                stsEndpoint: () => stsEndpoint(clients),
                timeoutMs: (0,aws_timeouts/* httpTimeouts */.TX)().requestMs,
            });
            this.kubeSessions.set(key, session);
        }
        return session;
    }
    /** Reads every cluster (in parallel) and plans it. A cluster that cannot be read gets a plan error. */
    async plan(state, options) {
        // Listings and reads are shared by the clusters one identity reaches (another account's, or
        // another role's, may answer differently).
        const byIdentity = new Map();
        const lookupsOf = (spec) => {
            const key = this.options.identityOf?.(spec.name, spec.region)?.key ?? '';
            let lookups = byIdentity.get(key);
            if (!lookups) {
                lookups = {
                    stackListings: new Map(),
                    roleLookups: new Map(),
                    policies: newPolicyLookups(),
                };
                byIdentity.set(key, lookups);
            }
            return lookups;
        };
        const clusters = await Promise.all(state.clusters.map(async (spec) => {
            const lookups = lookupsOf(spec);
            const live = await this.read(spec, lookups, options);
            if ('missing' in live)
                return planCluster(spec, live, options);
            const outputs = new Map(live.stacks.map((s) => [s.stackName, s.outputs]));
            this.knownOutputs.set(clusterKey(spec.name, spec.region), outputs);
            const checked = await this.planCheckingPolicies(spec, live, lookups.policies, options);
            return this.planCheckingKubernetesAccess(spec, checked, options);
        }));
        return { version: 1, clusters };
    }
    /**
     * Plans, then reads the policies the roles it creates or updates would attach (only those reach
     * IAM at apply time, and only the plan knows which roles change) and plans again when one of them
     * is a problem; the second plan differs from the first only by those problems.
     */
    async planCheckingPolicies(spec, live, lookups, options) {
        const first = planCluster(spec, live, options);
        const arns = policyArnsToRead(first, live);
        if (arns.length === 0)
            return { plan: first, live };
        let read;
        try {
            read = await readPolicies(this.clientsOf(spec.name, spec.region).iam, arns, lookups);
        }
        catch (error) {
            return { plan: planCluster(spec, unreadable(spec, error), options) };
        }
        if (Object.values(read.policies).every((status) => status === 'attachable'))
            return { plan: first, live };
        const policies = { ...live.policies, ...read.policies };
        const reread = { ...live, ...read, policies };
        return { plan: planCluster(spec, reread, options), live: reread };
    }
    /**
     * Asks the API server whether this identity may make the plan's Kubernetes changes (only the
     * plan knows which), and plans again when one is denied: an apply then fails before any change.
     */
    async planCheckingKubernetesAccess(spec, checked, options) {
        const { plan, live } = checked;
        if (!live || !options.kubernetesAccess || plan.errors.length > 0)
            return plan;
        const wanted = kubernetesPermissions(plan.tasks);
        if (wanted.length === 0)
            return plan;
        const kubernetes = live.kubernetes ?? { namespaces: {}, serviceAccounts: [] };
        let access;
        try {
            access = await checkKubernetesAccess(this.kubeSession(spec.name, spec.region), wanted);
        }
        catch (error) {
            const failure = { kind: 'error', message: (0,errors/* errorMessage */.gJ)(error) };
            return planCluster(spec, { ...live, kubernetes: { ...kubernetes, failure } }, options);
        }
        if (access.every((a) => a.allowed))
            return plan;
        const principal = await callerArn(this.clientsOf(spec.name, spec.region).sts);
        const withAccess = { ...kubernetes, access, ...(principal ? { principal } : {}) };
        return planCluster(spec, { ...live, kubernetes: withAccess }, options);
    }
    /** Remembers where the cluster's API server is (for the apply too) and opens a session on it. */
    openKubernetes(spec, info) {
        if (!info.endpoint || !info.certificateAuthority)
            return undefined;
        this.kubeEndpoints.set(clusterKey(spec.name, spec.region), {
            server: info.endpoint,
            caData: info.certificateAuthority,
        });
        return () => this.kubeSession(spec.name, spec.region);
    }
    async read(spec, lookups, options) {
        const watchers = this.watchersOf(spec.name, spec.region);
        try {
            const live = await readClusterState(spec, {
                clients: this.clientsOf(spec.name, spec.region),
                watcher: watchers.stacks,
                addonWatcher: watchers.addons,
                describeOthers: options.prune !== 'none',
                kubernetes: {
                    namespaces: (associations) => namespacesToRead(spec.podIdentityAssociations, associations, options),
                    session: (info) => this.openKubernetes(spec, info),
                    whoAmI: () => callerArn(this.clientsOf(spec.name, spec.region).sts),
                },
                stackListings: lookups.stackListings,
                roleLookups: lookups.roleLookups,
                log: (line) => this.options.log(`[${spec.name}] ${line}`),
            });
            if (!('missing' in live) || !live.notFound)
                return live;
            const foundInRegion = await this.defaultRegionHolding(spec);
            return foundInRegion ? { ...live, notFound: { ...live.notFound, foundInRegion } } : live;
        }
        catch (error) {
            return unreadable(spec, error);
        }
    }
    /**
     * A region mismatch: the credentials' default region (AWS_REGION, the profile's) when it is not
     * the file's and the cluster is there. One DescribeCluster, only for a cluster not found.
     */
    async defaultRegionHolding(spec) {
        const region = process.env.AWS_REGION || (await profileRegion());
        if (!region || region === spec.region)
            return undefined;
        const found = await describeCluster(this.clientsOf(spec.name, region).eks, spec.name).catch(() => undefined);
        return found ? region : undefined;
    }
    /** What the cluster runs on IRSA, for migration (read-only). */
    async readIrsa(cluster, region) {
        return readIrsa(cluster, region, {
            clients: this.clientsOf(cluster, region),
            kubernetes: (info) => this.openKubernetes({ name: cluster, region }, info),
        });
    }
    /** Applies every cluster without plan errors, clusters in parallel. */
    async apply(plan) {
        return Promise.all(plan.clusters
            .filter((c) => c.errors.length === 0 && c.tasks.length > 0)
            .map((clusterPlan) => applyClusterPlan(clusterPlan, {
            context: {
                clients: this.clientsOf(clusterPlan.cluster, clusterPlan.region),
                watcher: this.watchersOf(clusterPlan.cluster, clusterPlan.region).stacks,
                addonWatcher: this.watchersOf(clusterPlan.cluster, clusterPlan.region).addons,
                kubernetes: () => this.kubeSession(clusterPlan.cluster, clusterPlan.region),
                outputs: new Map(this.knownOutputs.get(clusterKey(clusterPlan.cluster, clusterPlan.region))),
                log: (line) => this.options.log(`[${clusterPlan.cluster}] ${line}`),
            },
            progress: (line) => this.options.log(`[${clusterPlan.cluster}] ${line}`),
        })));
    }
    close() {
        this.pool.destroy();
    }
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

/***/ 7582:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AK: () => (/* binding */ ACCESS_POLICY),
/* harmony export */   PN: () => (/* binding */ MANAGED_BY_EKSCTL),
/* harmony export */   lT: () => (/* binding */ MANAGED_BY_LABEL),
/* harmony export */   nR: () => (/* binding */ IRSA_ROLE_ANNOTATION)
/* harmony export */ });
// Kubernetes names eksctl and EKS use: the label eksctl puts on service accounts it creates, the
// IRSA annotation, and the AWS-managed EKS access policies an access entry can carry.
/** eksctl labels the service accounts it creates; only those does it delete (reference §0, §5). */
const MANAGED_BY_LABEL = 'app.kubernetes.io/managed-by';
const MANAGED_BY_EKSCTL = 'eksctl';
/** The IRSA annotation on a service account (reference §0). */
const IRSA_ROLE_ANNOTATION = 'eks.amazonaws.com/role-arn';
const ACCESS_POLICY_PREFIX = 'arn:aws:eks::aws:cluster-access-policy/';
/** The AWS-managed access policies, from least to most: read, edit a namespace, administer. */
const ACCESS_POLICY = {
    view: `${ACCESS_POLICY_PREFIX}AmazonEKSViewPolicy`,
    edit: `${ACCESS_POLICY_PREFIX}AmazonEKSEditPolicy`,
    admin: `${ACCESS_POLICY_PREFIX}AmazonEKSAdminPolicy`,
    clusterAdmin: `${ACCESS_POLICY_PREFIX}AmazonEKSClusterAdminPolicy`,
};


/***/ }),

/***/ 336:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MK: () => (/* binding */ TASK_HASH_LENGTH),
/* harmony export */   Rj: () => (/* binding */ fingerprint),
/* harmony export */   UP: () => (/* binding */ taskHash)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _lib_canonical_json_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1400);
// The hashes that bind a reviewed plan to what is applied (DESIGN §6): a cluster's fingerprint over
// all its tasks, and a short hash per task. Both are salted (repository + PR number) and taken over
// canonical JSON of the task data, never over rendered text. They know tasks only by shape, so the
// binding sits below the planner and knows nothing of what a task means.


/** 64 bits per task: enough that forging a task with the same salted hash takes ~2^64 tries. */
const TASK_HASH_HEX = 16;
function saltedSha256(salt, value) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256')
        .update(salt, 'utf8')
        .update('\0', 'utf8')
        .update((0,_lib_canonical_json_js__WEBPACK_IMPORTED_MODULE_1__/* .canonicalJson */ .d)(value), 'utf8')
        .digest('hex');
}
/** SHA-256 hex over the canonical JSON of a cluster's tasks. */
function fingerprint(tasks, salt) {
    return saltedSha256(salt, tasks);
}
/**
 * A short salted hash of what one task does: its kind, target and parameters. Left out are the
 * parts that move without changing the work — dependencies on tasks already done, the reviewer's
 * before/after values and reason, the id of a failed stack to replace — so that after a partial
 * apply the remaining tasks still hash as reviewed (verdict.ts, "remainder").
 */
function taskHash(task, salt) {
    const { dependsOn: _deps, reason: _reason, before: _before, after: _after, ...work } = task;
    const params = { ...work.params };
    delete params.replacesFailedStackId;
    return saltedSha256(salt, { ...work, params }).slice(0, TASK_HASH_HEX);
}
const TASK_HASH_LENGTH = TASK_HASH_HEX;


/***/ })

};
