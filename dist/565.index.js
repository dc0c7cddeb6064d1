export const id = 565;
export const ids = [565];
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


/***/ })

};
