export const id = 920;
export const ids = [920];
export const modules = {

/***/ 9304:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bs: () => (/* binding */ checkTag),
/* harmony export */   DP: () => (/* binding */ iamArnParts),
/* harmony export */   EM: () => (/* binding */ MAX_NAME_LENGTH),
/* harmony export */   G5: () => (/* binding */ wellKnownAttachesManaged),
/* harmony export */   ID: () => (/* binding */ NAMESPACE_HINT),
/* harmony export */   IJ: () => (/* binding */ MAX_INLINE_POLICY_CHARS),
/* harmony export */   IQ: () => (/* binding */ arnPartition),
/* harmony export */   Jx: () => (/* binding */ SA_HINT),
/* harmony export */   Ko: () => (/* binding */ checkRoleName),
/* harmony export */   R0: () => (/* binding */ isPolicyNameChars),
/* harmony export */   R2: () => (/* binding */ arnHint),
/* harmony export */   R_: () => (/* binding */ hasBadPolicyChars),
/* harmony export */   Re: () => (/* binding */ wellKnownOn),
/* harmony export */   Rg: () => (/* binding */ wellKnownInline),
/* harmony export */   Rv: () => (/* binding */ arnAccount),
/* harmony export */   TX: () => (/* binding */ isStackNameChars),
/* harmony export */   YN: () => (/* binding */ checkClusterName),
/* harmony export */   gA: () => (/* binding */ checkServiceAccountName),
/* harmony export */   ge: () => (/* binding */ MAX_MANAGED_POLICIES),
/* harmony export */   hS: () => (/* binding */ hasPolicy),
/* harmony export */   hh: () => (/* binding */ ADDON_NAME_HINT),
/* harmony export */   kH: () => (/* binding */ checkAddonName),
/* harmony export */   kX: () => (/* binding */ STACK_TAGS_ADDED),
/* harmony export */   o2: () => (/* binding */ policySize),
/* harmony export */   oO: () => (/* binding */ checkNamespace),
/* harmony export */   vK: () => (/* binding */ checkRegion),
/* harmony export */   we: () => (/* binding */ checkArn),
/* harmony export */   x3: () => (/* binding */ MAX_TAGS)
/* harmony export */ });
/* unused harmony exports PARTITIONS, DNS1123_LABEL, MAX_ADDON_NAME_LENGTH */
/* harmony import */ var _names_tags_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9311);
/* harmony import */ var _names_well_known_policies_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6479);
/* harmony import */ var _yaml_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9211);
// Name shapes and AWS limits checked before anything reaches AWS (our own checks, not eksctl's).



const PARTITIONS = [
    'aws',
    'aws-cn',
    'aws-us-gov',
    'aws-iso',
    'aws-iso-b',
    'aws-iso-e',
    'aws-iso-f',
    'aws-eusc',
];
const PARTITION = `(?:${PARTITIONS.join('|')})`;
/** IAM path: "/" or "/…/" of printable ASCII. */
const IAM_PATH = '(?:/[\\x21-\\x7e]*)?/';
const ROLE_ARN = new RegExp(`^arn:${PARTITION}:iam::\\d{12}:role${IAM_PATH}[\\w+=,.@-]{1,64}$`);
const POLICY_ARN = new RegExp(`^arn:${PARTITION}:iam::(?:\\d{12}|aws):policy${IAM_PATH}[\\w+=,.@-]{1,128}$`);
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;
const POLICY_NAME_CHARS = /^[\w+=,.@-]+$/;
const CLUSTER_NAME = /^[0-9A-Za-z][A-Za-z0-9\-_]*$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;
const STACK_NAME = /^[a-zA-Z][-a-zA-Z0-9]*$/;
const TAG_CHARS = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;
const MAX_NAME_LENGTH = 128;
const MAX_INLINE_POLICY_CHARS = 10_240;
const MAX_MANAGED_POLICIES = 10;
const MAX_TAGS = 50;
/** Tags eksctl and podid-action add to a role stack besides the user's (reference §0, DESIGN §5). */
const STACK_TAGS_ADDED = { standalone: 5, addon: 6 };
/** Returns an error message, or undefined when the ARN has the right shape. */
function checkArn(value, kind) {
    const re = kind === 'role' ? ROLE_ARN : POLICY_ARN;
    if (re.test(value))
        return undefined;
    return `${(0,_yaml_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(value)} is not a valid IAM ${kind} ARN`;
}
function arnHint(kind) {
    return kind === 'role'
        ? 'expected arn:<partition>:iam::<12-digit account>:role/[path/]<name>'
        : 'expected arn:<partition>:iam::<12-digit account or aws>:policy/[path/]<name>';
}
function arnAccount(arn) {
    return /^arn:[^:]+:iam::(\d{12}):/.exec(arn)?.[1];
}
function iamArnParts(arn) {
    const m = /^arn:([^:]+):iam::([^:]*):(role|policy)(\/(?:.*\/)?)([^/]+)$/.exec(arn);
    if (!m)
        return undefined;
    return { partition: m[1], account: m[2], kind: m[3], path: m[4], name: m[5] };
}
/** The partition of any ARN (`arn:<partition>:…`). */
function arnPartition(arn) {
    return /^arn:([^:]+):/.exec(arn)?.[1];
}
function checkNamespace(ns) {
    if (ns.length <= 63 && DNS1123_LABEL.test(ns))
        return undefined;
    return `namespace ${(0,_yaml_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(ns)} is not a valid Kubernetes namespace (DNS-1123 label)`;
}
const NAMESPACE_HINT = 'use at most 63 lower-case letters, digits and "-", starting and ending with a letter or digit';
function checkServiceAccountName(sa) {
    if (sa.length <= 253 && DNS1123_SUBDOMAIN.test(sa))
        return undefined;
    return `service account name ${(0,_yaml_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(sa)} is not a valid Kubernetes name (DNS-1123 subdomain)`;
}
const SA_HINT = 'use at most 253 lower-case letters, digits, "-" and ".", starting and ending with a letter or digit';
function checkRoleName(name) {
    if (ROLE_NAME.test(name))
        return undefined;
    return `roleName ${(0,_yaml_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(name)} is not a valid IAM role name`;
}
function isPolicyNameChars(name) {
    return POLICY_NAME_CHARS.test(name);
}
function checkClusterName(name) {
    if (name.length >= 1 && name.length <= 100 && CLUSTER_NAME.test(name))
        return undefined;
    return `metadata.name ${(0,_yaml_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(name)} is not a valid EKS cluster name`;
}
/**
 * EKS add-on names as AWS publishes them (DescribeAddonVersions): AWS's own (vpc-cni,
 * aws-ebs-csi-driver) and marketplace ones as vendor_product (dynatrace_dynatrace-operator). The API
 * itself sets no pattern; this shape keeps a name from carrying line breaks or markup into a plan.
 * Upper case passes: eksctl compares add-on names lower-cased, so it accepts `VPC-CNI`.
 */
const ADDON_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
const MAX_ADDON_NAME_LENGTH = 100;
function checkAddonName(name) {
    if (name.length <= MAX_ADDON_NAME_LENGTH && ADDON_NAME.test(name))
        return undefined;
    return `addon name ${(0,_yaml_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(name)} is not an EKS add-on name`;
}
const ADDON_NAME_HINT = `use the add-on's name as EKS lists it (aws eks describe-addon-versions): at most ${MAX_ADDON_NAME_LENGTH} letters, digits, "-" and "_", e.g. vpc-cni or dynatrace_dynatrace-operator`;
function checkRegion(region) {
    if (REGION.test(region))
        return undefined;
    return `metadata.region ${(0,_yaml_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(region)} does not look like an AWS region`;
}
function isStackNameChars(name) {
    return STACK_NAME.test(name);
}
/** Tag problems for one key/value pair: [message, hint] or undefined. */
function checkTag(key, value) {
    if (key.length < 1 || key.length > 128)
        return [`tag key ${(0,_yaml_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(key)} must be 1–128 characters long`, 'shorten the tag key'];
    if (!TAG_CHARS.test(key))
        return [
            `tag key ${(0,_yaml_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(key)} contains characters AWS does not allow`,
            'tags may use letters, digits, spaces and _ . : / = + - @',
        ];
    if (key.toLowerCase().startsWith('aws:'))
        return [
            `tag key ${(0,_yaml_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(key)} uses the reserved "aws:" prefix`,
            'AWS reserves keys starting with aws:; rename the tag',
        ];
    if (key === _names_tags_js__WEBPACK_IMPORTED_MODULE_2__/* .OWNER_TAG */ .FX)
        return [
            `tag key ${(0,_yaml_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(key)} is reserved for podid-action`,
            'podid-action sets this tag itself to record ownership; remove it',
        ];
    if (_names_tags_js__WEBPACK_IMPORTED_MODULE_2__/* .EKSCTL_TAG_PREFIXES */ .L3.some((prefix) => key.startsWith(prefix)))
        return [
            `tag key ${(0,_yaml_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(key)} is reserved for eksctl`,
            'eksctl sets its own alpha.eksctl.io/ tags; remove it',
        ];
    if (value.length > 256)
        return [
            `the value of tag ${(0,_yaml_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(key)} is longer than 256 characters`,
            'shorten the tag value',
        ];
    if (!TAG_CHARS.test(value))
        return [
            `the value of tag ${(0,_yaml_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(key)} contains characters AWS does not allow`,
            'tag values may use letters, digits, spaces and _ . : / = + - @',
        ];
    return undefined;
}
/**
 * Approximate size of each well-known inline policy document as IAM counts it (JSON without
 * whitespace; `${AWS::Partition}` resolved to "aws"), by logical id. Estimates from the statement
 * lists of reference §1.5 rounded up, not byte-exact: the load balancer controller policy mirrors
 * the upstream AWS policy (~17 statements, ~5.6 KB minified).
 */
const WELL_KNOWN_INLINE_SIZES = {
    PolicyAutoScaling: 620,
    PolicyExternalDNSChangeSet: 180,
    PolicyExternalDNSHostedZones: 200,
    PolicyCertManagerChangeSet: 180,
    PolicyCertManagerGetChange: 150,
    PolicyCertManagerHostedZones: 180,
    PolicyEFSCSIController: 900,
    PolicyAWSLoadBalancerController: 5600,
};
/** The inline policies a well-known key adds, with their approximate sizes. */
function wellKnownInline(name) {
    return _names_well_known_policies_js__WEBPACK_IMPORTED_MODULE_0__/* .WELL_KNOWN_INLINE_POLICY_IDS */ .tT[name].map((id) => ({
        id,
        size: WELL_KNOWN_INLINE_SIZES[id],
    }));
}
/** Whether a well-known key attaches an AWS managed policy (counted against the role's quota). */
function wellKnownAttachesManaged(name) {
    return _names_well_known_policies_js__WEBPACK_IMPORTED_MODULE_0__/* .WELL_KNOWN_MANAGED_POLICIES */ .KB[name] !== undefined;
}
function wellKnownOn(w) {
    return _names_well_known_policies_js__WEBPACK_IMPORTED_MODULE_0__/* .WELL_KNOWN_POLICY_NAMES */ .dz.filter((k) => w[k]);
}
/** IAM counts policy size without whitespace; compact JSON is the same measure. */
function policySize(doc) {
    return JSON.stringify(doc)?.length ?? 0;
}
/** IAM policy documents may hold only tab, LF, CR and U+0020–U+00FF. */
function hasBadPolicyChars(doc) {
    return /[^\t\n\r\x20-\xff]/.test(JSON.stringify(doc) ?? '');
}
/** eksctl treats an empty document like an absent one. */
function hasPolicy(doc) {
    return doc !== undefined && Object.keys(doc).length > 0;
}


/***/ }),

/***/ 615:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   z: () => (/* binding */ noWellKnownPolicies)
/* harmony export */ });
/* harmony import */ var _names_well_known_policies_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6479);
// The validated, normalised desired state produced by the config loader.
// Everything downstream (plan, render, apply) consumes these types and never re-reads YAML.

function noWellKnownPolicies() {
    return Object.fromEntries(_names_well_known_policies_js__WEBPACK_IMPORTED_MODULE_0__/* .WELL_KNOWN_POLICY_NAMES */ .dz.map((k) => [k, false]));
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

/***/ 9211:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BU: () => (/* binding */ parseYamlFile),
/* harmony export */   hD: () => (/* binding */ quote)
/* harmony export */ });
/* unused harmony exports MAX_ALIASES, Reader, setOwn */
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);

/** Alias expansions allowed per file: enough for real anchors, far too few for a "billion laughs". */
const MAX_ALIASES = 100;
/** Deeper than any real config; keeps recursion far from the stack limit. */
const MAX_DEPTH = 64;
class Reader {
    file;
    doc;
    lc;
    problems = [];
    aliasesLeft = MAX_ALIASES;
    aliasLimitReported = false;
    constructor(file, doc, lc) {
        this.file = file;
        this.doc = doc;
        this.lc = lc;
    }
    at(offset) {
        const { line, col } = this.lc.linePos(Math.max(0, offset));
        return { line, column: col };
    }
    pos(node, fallback) {
        const start = node?.range?.[0];
        if (start === undefined)
            return fallback ?? { line: 1, column: 1 };
        return this.at(start);
    }
    add(severity, at, path, message, hint) {
        const p = { severity, file: this.file, line: at.line, column: at.column, message };
        if (path)
            p.path = path;
        if (hint)
            p.hint = hint;
        this.problems.push(p);
    }
    error(at, path, message, hint) {
        this.add('error', at, path, message, hint);
    }
    warn(at, path, message, hint) {
        this.add('warning', at, path, message, hint);
    }
    /** Resolves aliases under a per-file budget; null means "no value" (also for a spent budget). */
    deref(node) {
        let n = node;
        for (let hops = 0; n && (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isAlias */ .Vj)(n); hops++) {
            if (this.aliasesLeft-- <= 0 || hops > 8 || !this.doc) {
                if (!this.aliasLimitReported) {
                    this.aliasLimitReported = true;
                    this.error(this.pos(n), undefined, `too many alias expansions (more than ${MAX_ALIASES}) in this file`, 'expand the anchors by hand; the limit protects against alias bombs');
                }
                return null;
            }
            n = n.resolve(this.doc);
        }
        if (!n)
            return null;
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(n) && n.value === null)
            return null;
        return n;
    }
    /** A short description of a node's type and value, for "expected X, got Y" messages. */
    describe(node) {
        if (node === null)
            return 'null';
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(node))
            return 'a mapping';
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(node))
            return 'a list';
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(node)) {
            const v = node.value;
            if (typeof v === 'string')
                return `string ${quote(v)}`;
            if (typeof v === 'boolean')
                return `boolean ${v}`;
            if (typeof v === 'number' || typeof v === 'bigint')
                return `number ${sourceOf(node)}`;
            return `${typeof v} ${quote(String(v))}`;
        }
        return 'an unsupported value';
    }
    expected(node, path, what, hint) {
        this.error(this.pos(node), path, `${path}: expected ${what}, got ${this.describe(node)}`, hint);
    }
    /** Entries of a mapping (merge keys applied, duplicates dropped: the parser already reported them). */
    map(node, path) {
        if (node === null)
            return undefined;
        if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(node)) {
            this.expected(node, path, 'a mapping', `write ${path} as "key: value" lines`);
            return undefined;
        }
        const out = [];
        const seen = new Set();
        const merged = [];
        for (const item of node.items) {
            if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isPair */ .tO)(item))
                continue;
            const keyNode = item.key;
            const keyScalar = this.deref(keyNode);
            if (!keyScalar || !(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(keyScalar) || typeof keyScalar.value === 'object') {
                this.error(this.pos(keyNode ?? node), path, `${path}: keys must be plain strings, got ${this.describe(keyScalar)}`, 'use a plain string as the key');
                continue;
            }
            const key = String(keyScalar.value);
            if (key === '<<' && (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(keyNode) && sourceOf(keyNode) === '<<') {
                merged.push(...this.mergeSources(item.value, path));
                continue;
            }
            if (seen.has(key))
                continue;
            seen.add(key);
            out.push({ key, keyNode: keyNode, value: this.deref(item.value) });
        }
        for (const e of merged) {
            if (!seen.has(e.key)) {
                seen.add(e.key);
                out.push(e);
            }
        }
        return out;
    }
    mergeSources(value, path) {
        const v = this.deref(value);
        const sources = v && (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(v) ? v.items.map((i) => this.deref(i)) : [v];
        const out = [];
        for (const s of sources)
            out.push(...(this.map(s, path) ?? []));
        return out;
    }
    seq(node, path) {
        if (node === null)
            return undefined;
        if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(node)) {
            this.expected(node, path, 'a list', `write ${path} as a list ("- item" lines)`);
            return undefined;
        }
        return node.items.map((i) => this.deref(i));
    }
    str(node, path) {
        if (node === null)
            return undefined;
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(node) && typeof node.value === 'string')
            return node.value;
        const hint = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(node) && node.value !== null && typeof node.value !== 'object'
            ? `quote the value: ${path.split('.').pop()}: "${sourceOf(node)}"`
            : `${path} takes a single string`;
        this.expected(node, path, 'a string', hint);
        return undefined;
    }
    bool(node, path) {
        if (node === null)
            return undefined;
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(node) && typeof node.value === 'boolean')
            return node.value;
        this.expected(node, path, 'a boolean', 'use true or false, without quotes');
        return undefined;
    }
    strList(node, path) {
        const items = this.seq(node, path) ?? [];
        const out = [];
        items.forEach((item, i) => {
            const p = `${path}[${i}]`;
            if (item === null) {
                this.error(this.pos(node), p, `${p}: expected a string, got null`, 'remove the empty item');
                return;
            }
            const s = this.str(item, p);
            if (s !== undefined)
                out.push({ value: s, node: item });
        });
        return out;
    }
    /** A map of strings (tags, annotations); numbers and booleans must be quoted, as for eksctl. */
    strMap(node, path) {
        const entries = {};
        const keys = new Map();
        for (const e of this.map(node, path) ?? []) {
            const s = e.value === null ? '' : this.str(e.value, `${path}.${e.key}`);
            if (s === undefined)
                continue;
            setOwn(entries, e.key, s);
            keys.set(e.key, e.keyNode);
        }
        return { entries, keys };
    }
    /** Plain JS value of a subtree, with aliases counted against the budget. */
    plain(node, depth = 0) {
        if (node === null)
            return null;
        if (depth > MAX_DEPTH)
            return null;
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(node))
            return typeof node.value === 'bigint' ? Number(node.value) : node.value;
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(node))
            return node.items.map((i) => this.plain(this.deref(i), depth + 1));
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(node)) {
            const out = {};
            for (const e of this.map(node, '') ?? [])
                setOwn(out, e.key, this.plain(e.value, depth + 1));
            return out;
        }
        return null;
    }
}
/** Plain assignment would let a `__proto__` key replace the prototype instead of adding an entry. */
function setOwn(obj, key, value) {
    Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}
function quote(s) {
    return JSON.stringify(s.length > 200 ? `${s.slice(0, 200)}…` : s);
}
function sourceOf(node) {
    const src = node.source;
    if (typeof src === 'string')
        return src;
    return String(node.value);
}
/**
 * Parses one file: exactly one document expected; syntax problems are recorded, never thrown.
 * `isOurs` says whether the document is of the kind the caller reads: only then may a problem quote
 * the file's text (a duplicate key's name). Syntax problems never quote it; they point at line and
 * column, so a file that was never meant to be read (credentials, a binary) is echoed nowhere.
 */
function parseYamlFile(text, file, isOurs) {
    const lc = new yaml__WEBPACK_IMPORTED_MODULE_0__/* .LineCounter */ .HN();
    const docs = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseAllDocuments */ .hR)(text, {
        lineCounter: lc,
        uniqueKeys: true,
        prettyErrors: false,
        strict: true,
    });
    const list = Array.isArray(docs) ? docs : [];
    const reader = new Reader(file, list[0], lc);
    const root = (list[0]?.contents ?? null);
    const ours = isOurs(root);
    const message = (e) => yamlMessage(e, ours ? text : undefined);
    const syntaxBroken = list.some((d) => d.errors.some((e) => e.code !== 'DUPLICATE_KEY'));
    for (const doc of list) {
        for (const e of doc.errors)
            reader.error(reader.at(e.pos[0]), undefined, message(e), yamlHint(e.code));
        for (const w of doc.warnings)
            reader.warn(reader.at(w.pos[0]), undefined, message(w), yamlHint(w.code));
    }
    if (list.length > 1) {
        reader.error(reader.at(list[1].range[0]), undefined, `found ${list.length} YAML documents; a ClusterConfig file must hold exactly one`, 'one file = one cluster: move each document into its own file');
    }
    if (list.length === 0 || list[0].contents === null) {
        reader.error({ line: 1, column: 1 }, undefined, 'the file is empty; expected a ClusterConfig document', 'start the file with "apiVersion: eksctl.io/v1alpha5" and "kind: ClusterConfig"');
        return { reader, root: null, ours, syntaxBroken };
    }
    return { reader, root, ours, syntaxBroken };
}
/** Codes whose messages (yaml 2.x) are fixed sentences that quote nothing from the file. */
const FIXED_MESSAGE_CODES = new Set([
    'ALIAS_PROPS',
    'BAD_ALIAS',
    'BAD_INDENT',
    'BLOCK_AS_IMPLICIT_KEY',
    'BLOCK_IN_FLOW',
    'IMPOSSIBLE',
    'KEY_OVER_1024_CHARS',
    'MISSING_CHAR',
    'MULTILINE_IMPLICIT_KEY',
    'MULTIPLE_ANCHORS',
    'MULTIPLE_DOCS',
    'MULTIPLE_TAGS',
    'TAB_AS_INDENT',
]);
/** The UNEXPECTED_TOKEN messages that name only a token type or a collection kind. */
const FIXED_UNEXPECTED = /^(Unexpected (, |empty item )in (flow map|flow sequence|flow collection|collection)|Unexpected [a-z-]+ (token|at node end)|Expected a flow scalar value, but found: [a-z-]+)$/;
/** Our words for the codes whose messages may quote the file (a tag, a directive, a token). */
const OWN_WORDS = {
    BAD_COLLECTION_TYPE: 'a tag does not fit the kind of collection it is on',
    BAD_DIRECTIVE: 'a % directive that YAML does not know',
    BAD_DQ_ESCAPE: 'an invalid escape sequence in a double-quoted string',
    BAD_PROP_ORDER: 'anchors and tags must come after the indicator',
    BAD_SCALAR_START: 'a plain value cannot start with this character',
    NON_STRING_KEY: 'a key that is not a string',
    RESOURCE_EXHAUSTION: 'the document is too large or too deeply nested',
    TAG_RESOLVE_FAILED: 'a tag (a value starting with !) that YAML cannot resolve',
    UNEXPECTED_TOKEN: 'unexpected characters here',
};
/**
 * The problem's message: the parser's own sentence when it is a fixed one, our words otherwise, so
 * nothing of the file's text is quoted. A duplicate key is named only when `text` is given (the
 * document is one the caller reads).
 */
function yamlMessage(e, text) {
    if (e.code === 'DUPLICATE_KEY') {
        if (text === undefined)
            return 'duplicate key';
        const m = /^("(?:[^"\\\n]|\\.)*"|'[^'\n]*'|[^:\n]*)/.exec(text.slice(e.pos[0], e.pos[0] + 300));
        const key = (m?.[1] ?? '').trim().replace(/^["']|["']$/g, '');
        return `duplicate key ${quote(key)}`;
    }
    const msg = e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    const fixed = FIXED_MESSAGE_CODES.has(e.code) ||
        (e.code === 'UNEXPECTED_TOKEN' && FIXED_UNEXPECTED.test(msg));
    return `YAML syntax error: ${fixed ? msg : (OWN_WORDS[e.code] ?? 'not valid YAML here')}`;
}
function yamlHint(code) {
    switch (code) {
        case 'DUPLICATE_KEY':
            return 'each key may appear only once in a mapping; remove or merge the repeated key';
        case 'TAB_AS_INDENT':
            return 'indent with spaces, not tabs';
        case 'TAG_RESOLVE_FAILED':
            return 'custom tags such as !Ref are not understood by eksctl; write the plain value';
        default:
            return 'fix the YAML syntax at this position';
    }
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

/***/ 5737:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bk: () => (/* binding */ podIdentityRoleStackName),
/* harmony export */   Bw: () => (/* binding */ addonPodIdentityRoleStackName),
/* harmony export */   VS: () => (/* binding */ addonIrsaStackName),
/* harmony export */   dl: () => (/* binding */ irsaServiceAccountStackName),
/* harmony export */   jE: () => (/* binding */ migratedStackTagValue),
/* harmony export */   kd: () => (/* binding */ roleStackNamesFor),
/* harmony export */   xu: () => (/* binding */ isPodIdentityStackName)
/* harmony export */ });
// eksctl's CloudFormation stack names (reference §0), made and parsed only here. Matching is always
// by the exact full name, never by substring or suffix: eksctl bug #8484 matched
// `…-service-service-account` for namespace `other-service` too.
/** Role stack of an `iam.podIdentityAssociations` entry. */
function podIdentityRoleStackName(cluster, namespace, sa) {
    return `eksctl-${cluster}-podidentityrole-${namespace}-${sa}`;
}
/** Role stack of an add-on's pod identity association: no namespace (EKS uses the add-on's). */
function addonPodIdentityRoleStackName(cluster, addon, sa) {
    return `eksctl-${cluster}-addon-${addon}-podidentityrole-${sa}`;
}
/** IRSA stack of an `iam.serviceAccounts` entry; eksctl's migration re-tags it for pod identity. */
function irsaServiceAccountStackName(cluster, namespace, sa) {
    return `eksctl-${cluster}-addon-iamserviceaccount-${namespace}-${sa}`;
}
/** IRSA stack of an add-on. */
function addonIrsaStackName(cluster, addon) {
    return `eksctl-${cluster}-addon-${addon}`;
}
/** The names eksctl would use for the role stack of `<ns>/<sa>`, preferred first. */
function roleStackNamesFor(cluster, namespace, sa) {
    return [
        podIdentityRoleStackName(cluster, namespace, sa),
        irsaServiceAccountStackName(cluster, namespace, sa),
    ];
}
/**
 * A name of the shapes eksctl lists for a cluster's pod identity and add-on work: role stacks and
 * `addon-…` stacks (which include the IRSA ones). Cluster, node group and VPC stacks are not ours.
 */
function isPodIdentityStackName(stackName, cluster) {
    const prefix = `eksctl-${cluster}-`;
    if (!stackName.startsWith(prefix))
        return false;
    return /^(podidentityrole-.+|addon-.+)$/.test(stackName.slice(prefix.length));
}
/**
 * The association tag eksctl's migration writes on a re-used IRSA service-account stack: the part
 * of its name after `-iamserviceaccount-`, first `-` turned into `/` (wrong for namespaces with a
 * `-`, reference §7.3). Undefined for other stacks.
 */
function migratedStackTagValue(stackName) {
    const marker = '-addon-iamserviceaccount-';
    const at = stackName.indexOf(marker);
    if (at < 0)
        return undefined;
    return stackName.slice(at + marker.length).replace('-', '/');
}


/***/ }),

/***/ 9311:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AK: () => (/* binding */ isAwsTag),
/* harmony export */   EJ: () => (/* binding */ OLD_CLUSTER_NAME_TAG),
/* harmony export */   FX: () => (/* binding */ OWNER_TAG),
/* harmony export */   IK: () => (/* binding */ ADDON_NAME_TAG),
/* harmony export */   Ib: () => (/* binding */ POD_IDENTITY_ASSOCIATION_TAG),
/* harmony export */   L3: () => (/* binding */ EKSCTL_TAG_PREFIXES),
/* harmony export */   PR: () => (/* binding */ IAM_SERVICE_ACCOUNT_TAG),
/* harmony export */   TO: () => (/* binding */ ADDON_POD_IDENTITY_ASSOCIATION_TAG),
/* harmony export */   Ze: () => (/* binding */ EKSCTL_VERSION_TAG_VALUE),
/* harmony export */   d_: () => (/* binding */ splitAssociationKey),
/* harmony export */   mT: () => (/* binding */ CLUSTER_NAME_TAG),
/* harmony export */   nU: () => (/* binding */ associationKey),
/* harmony export */   pz: () => (/* binding */ EKSCTL_VERSION_TAG)
/* harmony export */ });
// Every tag key this product reads or writes, and the value of eksctl's association tags. eksctl's
// keys (reference §0) keep stacks made by eksctl and by podid-action interchangeable; the owner tag
// is ours (DESIGN §5).
/** Ours: who manages an association, add-on or stack (the owner id, by default the repository). */
const OWNER_TAG = 'podid-action/managed-by';
const CLUSTER_NAME_TAG = 'alpha.eksctl.io/cluster-name';
const OLD_CLUSTER_NAME_TAG = 'eksctl.cluster.k8s.io/v1alpha1/cluster-name';
const EKSCTL_VERSION_TAG = 'alpha.eksctl.io/eksctl-version';
/** On standalone role stacks (and migrated IRSA stacks), and on associations whose role eksctl made. */
const POD_IDENTITY_ASSOCIATION_TAG = 'alpha.eksctl.io/podidentityassociation-name';
const IAM_SERVICE_ACCOUNT_TAG = 'alpha.eksctl.io/iamserviceaccount-name';
const ADDON_NAME_TAG = 'alpha.eksctl.io/addon-name';
const ADDON_POD_IDENTITY_ASSOCIATION_TAG = 'alpha.eksctl.io/addon-podidentityassociation-name';
/**
 * Value of the eksctl-version tag on stacks we create. eksctl writes its own version there; the
 * value never drives an update.
 */
const EKSCTL_VERSION_TAG_VALUE = 'podid-action';
/** Prefixes of keys that eksctl sets itself; users may not write them. */
const EKSCTL_TAG_PREFIXES = ['alpha.eksctl.io/', 'eksctl.cluster.k8s.io/'];
/** Keys beginning with `aws:` belong to AWS: never compared, added or removed. */
function isAwsTag(key) {
    return key.toLowerCase().startsWith('aws:');
}
/**
 * eksctl's IDString of an association, `<ns>/<sa>`: the value of its association tags and our key
 * for an association (task targets, plan order).
 */
function associationKey(namespace, sa) {
    return `${namespace}/${sa}`;
}
/** `<ns>/<sa>` back into its parts (a namespace has no `/`). */
function splitAssociationKey(key) {
    const at = key.indexOf('/');
    return { namespace: key.slice(0, at), serviceAccount: key.slice(at + 1) };
}


/***/ }),

/***/ 2452:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   b: () => (/* binding */ ROLE_LOGICAL_ID),
/* harmony export */   qD: () => (/* binding */ permissionPolicyLogicalId),
/* harmony export */   tB: () => (/* binding */ DEFAULT_PERMISSION_POLICY_NAME),
/* harmony export */   vw: () => (/* binding */ ROLE_OUTPUT)
/* harmony export */ });
// eksctl's names inside a pod identity role template (reference §1.6): the role's logical id and
// output, and the logical id of the inline permission policy.
/** The `AWS::IAM::Role` resource and the output the association reads its ARN from. */
const ROLE_LOGICAL_ID = 'Role1';
const ROLE_OUTPUT = 'Role1';
const DEFAULT_PERMISSION_POLICY_NAME = 'Policy1';
/** The inline permission policy's logical id: the name without non-alphanumerics (eksctl's sanitizeResourceName). */
function permissionPolicyLogicalId(name) {
    const sanitized = (name ?? '').replace(/[^A-Za-z0-9]/g, '');
    return sanitized === '' ? DEFAULT_PERMISSION_POLICY_NAME : sanitized;
}


/***/ }),

/***/ 6479:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   KB: () => (/* binding */ WELL_KNOWN_MANAGED_POLICIES),
/* harmony export */   dz: () => (/* binding */ WELL_KNOWN_POLICY_NAMES),
/* harmony export */   tT: () => (/* binding */ WELL_KNOWN_INLINE_POLICY_IDS)
/* harmony export */ });
// eksctl's `wellKnownPolicies` (reference §1.5): the keys, the AWS managed policies some of them
// attach, and the logical ids of the inline policies the others add to the role stack. The policy
// statements themselves are in cfn/well-known-policies.ts; the config checks size and names by these.
const WELL_KNOWN_POLICY_NAMES = [
    'imageBuilder',
    'autoScaler',
    'awsLoadBalancerController',
    'externalDNS',
    'certManager',
    'ebsCSIController',
    'efsCSIController',
];
/** AWS managed policies (the part after `arn:<partition>:iam::aws:policy/`), eksctl's order. */
const WELL_KNOWN_MANAGED_POLICIES = {
    imageBuilder: 'AmazonEC2ContainerRegistryPowerUser',
    ebsCSIController: 'service-role/AmazonEBSCSIDriverPolicy',
};
/** Inline `AWS::IAM::Policy` logical ids; the IAM policy name is `${AWS::StackName}-<id>`. */
const WELL_KNOWN_INLINE_POLICY_IDS = {
    imageBuilder: [],
    autoScaler: ['PolicyAutoScaling'],
    awsLoadBalancerController: ['PolicyAWSLoadBalancerController'],
    externalDNS: ['PolicyExternalDNSChangeSet', 'PolicyExternalDNSHostedZones'],
    certManager: [
        'PolicyCertManagerChangeSet',
        'PolicyCertManagerGetChange',
        'PolicyCertManagerHostedZones',
    ],
    ebsCSIController: [],
    efsCSIController: ['PolicyEFSCSIController'],
};


/***/ })

};
