export const id = 106;
export const ids = [106];
export const modules = {

/***/ 8106:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  loadConfigFiles: () => (/* binding */ loadConfigFiles)
});

// UNUSED EXPORTS: MAX_FILE_BYTES

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./node_modules/tinyglobby/dist/index.mjs + 1 modules
var dist = __webpack_require__(3382);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var yaml_dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/config/model.ts
var model = __webpack_require__(615);
// EXTERNAL MODULE: ./src/names/well-known-policies.ts
var well_known_policies = __webpack_require__(6479);
// EXTERNAL MODULE: ./src/config/schema.ts
var schema = __webpack_require__(131);
// EXTERNAL MODULE: ./src/config/yaml.ts
var yaml = __webpack_require__(9211);
;// CONCATENATED MODULE: ./src/config/read.ts
// AST → normalised specs (defaults applied) plus the positions later checks point at.
// Only shape and type problems are found here; the rules live in validate-*.ts.





/** Walks a strict section: unknown keys are errors, known keys go to their handler. */
function walk(r, node, path, allowed, handlers, loc) {
    const entries = r.map(node, path || 'the document');
    if (!entries)
        return false;
    for (const e of entries) {
        const p = path ? `${path}.${e.key}` : e.key;
        if (!allowed.includes(e.key)) {
            unknownKey(r, e, path, allowed);
            continue;
        }
        if (loc && e.value !== null) {
            loc.key[e.key] = r.pos(e.keyNode);
            loc.val[e.key] = r.pos(e.value);
        }
        const before = r.problems.length;
        handlers[e.key]?.(e.value, p, e);
        if (loc && r.problems.length > before)
            loc.bad.add(e.key);
    }
    return true;
}
function unknownKey(r, e, path, allowed) {
    const near = (0,schema/* closest */.kp)(e.key, allowed);
    const where = path ? ` in ${path}` : ' at the top level';
    const hint = near
        ? `did you mean "${near}"?`
        : `allowed keys here: ${allowed.slice(0, 12).join(', ')}${allowed.length > 12 ? ', …' : ''}`;
    r.error(r.pos(e.keyNode), path ? `${path}.${e.key}` : e.key, `unknown field ${(0,yaml/* quote */.hD)(e.key)}${where}`, hint);
}
function read_location(r, node, fallback) {
    const p = r.pos(node, fallback);
    return { file: r.file, line: p.line, column: p.column };
}
function newLocated(r, node, path, fallback) {
    return {
        path,
        at: r.pos(node, fallback),
        key: {},
        val: {},
        bad: new Set(),
        items: {},
        tagKeys: new Map(),
    };
}
function readWellKnown(r, node, path) {
    const w = (0,model/* noWellKnownPolicies */.z)();
    const handlers = {};
    for (const k of well_known_policies/* WELL_KNOWN_POLICY_NAMES */.dz)
        handlers[k] = optionalBool(r, (b) => (w[k] = b));
    walk(r, node, path, well_known_policies/* WELL_KNOWN_POLICY_NAMES */.dz, handlers);
    return w;
}
function readStrings(r, v, p, key, loc) {
    const list = r.strList(v, p);
    loc.items[key] = list.map((i) => r.pos(i.node));
    return list.map((i) => i.value);
}
function readTags(r, v, p, loc) {
    const { entries, keys } = r.strMap(v, p);
    for (const [k, n] of keys)
        loc.tagKeys.set(k, r.pos(n));
    return entries;
}
/** A policy document: must be a mapping; its content is checked in validate-pia.ts. */
function readDocument(r, v, p) {
    if (v === null)
        return undefined;
    if (!(0,yaml_dist/* isMap */.jh)(v)) {
        r.error(r.pos(v), p, `${p}: expected an IAM policy document (a mapping with Version and Statement), got ${r.describe(v)}`, 'write the policy as YAML with Version: "2012-10-17" and a Statement list');
        return undefined;
    }
    return r.plain(v);
}
/** A field handler that stores a string value (type errors are reported by the reader). */
function stringField(r) {
    return (set) => (v, p) => {
        const s = r.str(v, p);
        if (s !== undefined)
            set(s);
    };
}
/** A list item that must be a mapping: an empty item or a scalar was reported; mark it unusable. */
function endItem(r, ok, node, path, fallback, loc) {
    if (ok)
        return;
    loc.bad.add('');
    if (node === null) {
        r.error(fallback, path, `${path}: expected a mapping, got null`, 'remove the empty list item');
    }
}
/**
 * Walks an entry whose allowed keys are exactly its handlers' keys, in eksctl's schema order (the
 * order "did you mean" and the allowed-keys hint use): a new field is one handler here.
 */
function walkFields(r, node, path, handlers, loc) {
    return walk(r, node, path, Object.keys(handlers), handlers, loc);
}
function optionalBool(r, set) {
    return (v, p) => {
        const b = r.bool(v, p);
        if (b !== undefined)
            set(b);
    };
}
/** An `iam.podIdentityAssociations[i]` or `addons[j].podIdentityAssociations[i]` entry (reference §1.1). */
function readPia(r, node, path, fallback) {
    const loc = newLocated(r, node, path, fallback);
    const spec = {
        namespace: '',
        serviceAccountName: '',
        createServiceAccount: false,
        permissionPolicyARNs: [],
        wellKnownPolicies: (0,model/* noWellKnownPolicies */.z)(),
        tags: {},
        location: read_location(r, node, fallback),
    };
    const str = stringField(r);
    const ok = walkFields(r, node, path, {
        namespace: str((s) => (spec.namespace = s)),
        serviceAccountName: str((s) => (spec.serviceAccountName = s)),
        roleARN: str((s) => (spec.roleARN = s)),
        createServiceAccount: (v, p) => (spec.createServiceAccount = r.bool(v, p) ?? false),
        roleName: str((s) => (spec.roleName = s)),
        permissionsBoundaryARN: str((s) => (spec.permissionsBoundaryARN = s)),
        permissionPolicyARNs: (v, p) => (spec.permissionPolicyARNs = readStrings(r, v, p, 'permissionPolicyARNs', loc)),
        permissionPolicyName: str((s) => (spec.permissionPolicyName = s)),
        permissionPolicy: (v, p) => (spec.permissionPolicy = readDocument(r, v, p)),
        wellKnownPolicies: (v, p) => (spec.wellKnownPolicies = readWellKnown(r, v, p)),
        tags: (v, p) => (spec.tags = readTags(r, v, p, loc)),
        targetRoleARN: str((s) => (spec.targetRoleARN = s)),
        disableSessionTags: optionalBool(r, (b) => (spec.disableSessionTags = b)),
        policy: str((s) => (spec.policy = s)),
    }, loc);
    endItem(r, ok, node, path, fallback, loc);
    const at = (p) => ({ file: r.file, line: p.line, column: p.column });
    const values = {};
    for (const key of ['roleARN', 'permissionsBoundaryARN'])
        if (loc.val[key])
            values[key] = at(loc.val[key]);
    (loc.items.permissionPolicyARNs ?? []).forEach((p, i) => (values[`permissionPolicyARNs[${i}]`] = at(p)));
    if (Object.keys(values).length > 0)
        spec.valueLocations = values;
    return { ...loc, spec };
}
function readResolveConflicts(r, v, p) {
    const s = r.str(v, p);
    if (s === undefined)
        return undefined;
    const lower = s.toLowerCase();
    if (lower === 'none' || lower === 'overwrite' || lower === 'preserve')
        return lower;
    r.error(r.pos(v), p, `${p}: invalid value ${(0,yaml/* quote */.hD)(s)}`, 'use one of: none, overwrite, preserve');
    return undefined;
}
/** An `addons[j]` entry (reference §1.2 plus the rest of eksctl's Addon type). */
function readAddon(r, node, path, fallback) {
    const loc = newLocated(r, node, path, fallback);
    const spec = {
        name: '',
        useDefaultPodIdentityAssociations: false,
        attachPolicyARNs: [],
        wellKnownPolicies: (0,model/* noWellKnownPolicies */.z)(),
        tags: {},
        location: read_location(r, node, fallback),
    };
    const pias = [];
    const str = stringField(r);
    const ok = walkFields(r, node, path, {
        name: str((s) => (spec.name = s)),
        version: str((s) => (spec.version = s)),
        serviceAccountRoleARN: str((s) => (spec.serviceAccountRoleARN = s)),
        attachPolicyARNs: (v, p) => (spec.attachPolicyARNs = readStrings(r, v, p, 'attachPolicyARNs', loc)),
        attachPolicy: (v, p) => (spec.attachPolicy = readDocument(r, v, p)),
        permissionsBoundary: str((s) => (spec.permissionsBoundary = s)),
        wellKnownPolicies: (v, p) => (spec.wellKnownPolicies = readWellKnown(r, v, p)),
        tags: (v, p) => (spec.tags = readTags(r, v, p, loc)),
        resolveConflicts: (v, p) => {
            const value = readResolveConflicts(r, v, p);
            if (value)
                spec.resolveConflicts = value;
        },
        podIdentityAssociations: (v, p, e) => {
            // eksctl distinguishes an omitted list from an explicit one; `podIdentityAssociations:` (null) is omitted.
            const items = r.seq(v, p);
            if (!items)
                return;
            spec.podIdentityAssociations = [];
            items.forEach((item, i) => {
                const raw = readPia(r, item, `podIdentityAssociations[${i}]`, r.pos(v ?? e.keyNode));
                pias.push(raw);
                spec.podIdentityAssociations.push(raw.spec);
            });
        },
        useDefaultPodIdentityAssociations: (v, p) => (spec.useDefaultPodIdentityAssociations = r.bool(v, p) ?? false),
        configurationValues: str((s) => (spec.configurationValues = s)),
        namespaceConfig: (v, p) => {
            let ns;
            walk(r, v, p, schema/* NAMESPACE_CONFIG_KEYS */.ED, { namespace: (nv, np) => (ns = r.str(nv, np)) });
            if (ns !== undefined)
                spec.namespaceConfig = { namespace: ns };
        },
        publishers: (v, p) => void r.strList(v, p),
        types: (v, p) => void r.strList(v, p),
        owners: (v, p) => void r.strList(v, p),
    }, loc);
    endItem(r, ok, node, path, fallback, loc);
    return { ...loc, spec, pias };
}
/** An `iam.serviceAccounts[i]` entry (reference §1.7: eksctl's ClusterIAMServiceAccount). */
function readServiceAccount(r, node, path, fallback) {
    const loc = newLocated(r, node, path, fallback);
    const spec = {
        name: '',
        namespace: 'default',
        attachPolicyARNs: [],
        location: read_location(r, node, fallback),
    };
    const str = stringField(r);
    walkFields(r, node, path, {
        metadata: (v, p) => walk(r, v, p, schema/* OBJECT_META_KEYS */.dB, {
            name: str((s) => (spec.name = s)),
            namespace: str((s) => (spec.namespace = s || 'default')),
            generateName: (nv, np) => void r.str(nv, np),
            labels: (nv, np) => void r.strMap(nv, np),
            annotations: (nv, np) => void r.strMap(nv, np),
        }),
        attachPolicyARNs: (v, p) => (spec.attachPolicyARNs = readStrings(r, v, p, 'attachPolicyARNs', loc)),
        wellKnownPolicies: (v, p) => void readWellKnown(r, v, p),
        attachPolicy: (v, p) => void readDocument(r, v, p),
        attachRoleARN: str((s) => (spec.attachRoleARN = s)),
        permissionsBoundary: (v, p) => void r.str(v, p),
        roleName: str((s) => (spec.roleName = s)),
        roleOnly: (v, p) => void r.bool(v, p),
        tags: (v, p) => void readTags(r, v, p, loc),
        subjectPattern: (v, p) => void r.str(v, p),
        // Written by eksctl itself; accepted so a file eksctl round-tripped still loads.
        status: () => { },
    }, loc);
    return { ...loc, spec };
}

// EXTERNAL MODULE: ./src/config/limits.ts
var limits = __webpack_require__(9304);
;// CONCATENATED MODULE: ./src/config/cluster.ts
// The document root: apiVersion/kind, metadata, iam, addons, addonsConfig, autoModeConfig.





function emptyCluster(r, root) {
    const spec = {
        file: r.file,
        name: '',
        region: '',
        tags: {},
        annotations: {},
        withOIDC: false,
        autoModeEnabled: false,
        podIdentityAssociations: [],
        serviceAccounts: [],
        addons: [],
        addonsConfig: { autoApplyPodIdentityAssociations: false, disableDefaultAddons: false },
        notManaged: [],
        location: read_location(r, root),
    };
    return {
        spec,
        meta: newLocated(r, root, 'metadata'),
        top: newLocated(r, root, ''),
        iam: newLocated(r, root, 'iam'),
        addonsConfig: newLocated(r, root, 'addonsConfig'),
        autoModeConfig: newLocated(r, root, 'autoModeConfig'),
        pias: [],
        addons: [],
        serviceAccounts: [],
        identified: false,
    };
}
function readAddonsConfig(r, v, path, raw) {
    const config = raw.spec.addonsConfig;
    walk(r, v, path, schema/* ADDONS_CONFIG_KEYS */.St, {
        autoApplyPodIdentityAssociations: (bv, bp) => (config.autoApplyPodIdentityAssociations = r.bool(bv, bp) ?? false),
        disableDefaultAddons: (bv, bp) => (config.disableDefaultAddons = r.bool(bv, bp) ?? false),
    }, raw.addonsConfig);
}
function readAutoModeConfig(r, v, path, raw) {
    walk(r, v, path, schema/* AUTO_MODE_KEYS */.pM, {
        enabled: (bv, bp) => (raw.spec.autoModeEnabled = r.bool(bv, bp) ?? false),
        nodePools: (lv, lp) => void r.strList(lv, lp),
        nodeRoleARN: (sv, sp) => void r.str(sv, sp),
    }, raw.autoModeConfig);
}
/** apiVersion, kind and metadata must be there (and be eksctl's). */
function checkHead(r, raw, start, head) {
    const { top } = raw;
    if (head.apiVersion !== schema/* API_VERSION */.mG) {
        const msg = head.apiVersion === undefined
            ? 'apiVersion must be set'
            : `unsupported apiVersion ${(0,yaml/* quote */.hD)(head.apiVersion)}`;
        r.error(top.val.apiVersion ?? start, 'apiVersion', msg, `set apiVersion: ${schema/* API_VERSION */.mG}`);
    }
    if (head.kind !== schema/* KIND */.Nd) {
        const msg = head.kind === undefined ? 'kind must be set' : `unsupported kind ${(0,yaml/* quote */.hD)(head.kind)}`;
        r.error(top.val.kind ?? start, 'kind', msg, `set kind: ${schema/* KIND */.Nd}; only ClusterConfig files are read`);
    }
    if (!head.sawMetadata) {
        r.error(start, 'metadata', 'metadata must be set', 'add metadata with the cluster name and region');
    }
}
/**
 * Whether a document is meant for eksctl: a mapping with `kind: ClusterConfig` or an eksctl.io
 * apiVersion. Only such a document is read field by field (and quoted in problems); anything else a
 * glob matched is refused in one problem that quotes none of it.
 */
function isClusterConfigDocument(root) {
    if (!(0,yaml_dist/* isMap */.jh)(root))
        return false;
    const apiVersion = root.get('apiVersion');
    return (root.get('kind') === schema/* KIND */.Nd ||
        (typeof apiVersion === 'string' && apiVersion.startsWith(schema/* API_GROUP */.Zf)));
}
function readCluster(r, root) {
    const raw = emptyCluster(r, root);
    const head = {
        sawMetadata: false,
    };
    const isDoc = walk(r, root, '', schema/* TOP_LEVEL_KEYS */.Uw, {
        apiVersion: (v, p) => (head.apiVersion = r.str(v, p)),
        kind: (v, p) => (head.kind = r.str(v, p)),
        metadata: (v, p) => {
            head.sawMetadata = v !== null;
            readMetadata(r, v, p, raw);
        },
        iam: (v, p) => readIam(r, v, p, raw),
        addons: (v, p, e) => {
            (r.seq(v, p) ?? []).forEach((item, i) => {
                const a = readAddon(r, item, `addons[${i}]`, r.pos(v ?? e.keyNode));
                raw.addons.push(a);
                raw.spec.addons.push(a.spec);
            });
        },
        addonsConfig: (v, p) => readAddonsConfig(r, v, p, raw),
        autoModeConfig: (v, p) => readAutoModeConfig(r, v, p, raw),
    }, raw.top);
    if (!isDoc)
        return undefined;
    checkHead(r, raw, r.pos(root), head);
    return raw;
}
function readMetadata(r, v, path, raw) {
    const { spec, meta } = raw;
    meta.at = r.pos(v);
    let name;
    let region;
    walk(r, v, path, schema/* METADATA_KEYS */.L3, {
        name: (sv, sp) => (name = r.str(sv, sp)),
        region: (sv, sp) => (region = r.str(sv, sp)),
        version: (sv, sp) => {
            const s = r.str(sv, sp);
            if (s === undefined)
                return;
            if (s !== '' && !/^\d+\.\d+$/.test(s)) {
                r.error(r.pos(sv), sp, `metadata.version ${(0,yaml/* quote */.hD)(s)} is not a Kubernetes version`, 'use a quoted minor version, e.g. version: "1.31"');
            }
            spec.version = s;
        },
        accountID: (sv, sp) => {
            const s = r.str(sv, sp);
            if (s === undefined)
                return;
            if (!/^\d{12}$/.test(s)) {
                r.error(r.pos(sv), sp, `metadata.accountID ${(0,yaml/* quote */.hD)(s)} is not a 12-digit AWS account ID`, 'write the account ID as a quoted 12-digit string');
            }
            else
                spec.accountID = s;
        },
        tags: (mv, mp) => (spec.tags = readTags(r, mv, mp, meta)),
        annotations: (mv, mp) => (spec.annotations = r.strMap(mv, mp).entries),
    }, meta);
    // Plan-time problems about the cluster are best pointed at its name.
    const at = meta.val.name ?? meta.at;
    spec.location = { file: r.file, line: at.line, column: at.column };
    const nameOk = requiredIdentity(r, raw, 'name', name, limits/* checkClusterName */.YN, {
        missing: 'set metadata.name to the EKS cluster name',
        bad: '1–100 letters, digits, "-" and "_", starting with a letter or digit',
    });
    const regionOk = requiredIdentity(r, raw, 'region', region, limits/* checkRegion */.vK, {
        missing: 'set metadata.region, e.g. us-west-2',
        bad: 'use a region code such as us-east-1 or eu-west-1',
    });
    raw.identified = nameOk && regionOk;
}
/** `metadata.name` or `metadata.region`: must be set and well-formed; true when it is. */
function requiredIdentity(r, raw, key, value, check, hints) {
    const path = `metadata.${key}`;
    const at = raw.meta.val[key] ?? raw.meta.at;
    if (!value) {
        r.error(at, path, `${path} must be set`, hints.missing);
        return false;
    }
    raw.spec[key] = value;
    const bad = check(value);
    if (bad)
        r.error(at, path, bad, hints.bad);
    return bad === undefined;
}
function readIam(r, v, path, raw) {
    const { spec } = raw;
    walk(r, v, path, schema/* IAM_KEYS */.Zz, {
        withOIDC: (bv, bp) => (spec.withOIDC = r.bool(bv, bp) ?? false),
        podIdentityAssociations: (lv, lp, e) => {
            (r.seq(lv, lp) ?? []).forEach((item, i) => {
                const pia = readPia(r, item, `${lp}[${i}]`, r.pos(lv ?? e.keyNode));
                raw.pias.push(pia);
                spec.podIdentityAssociations.push(pia.spec);
            });
        },
        serviceAccounts: (lv, lp, e) => {
            (r.seq(lv, lp) ?? []).forEach((item, i) => {
                const sa = readServiceAccount(r, item, `${lp}[${i}]`, r.pos(lv ?? e.keyNode));
                raw.serviceAccounts.push(sa);
                spec.serviceAccounts.push(sa.spec);
            });
        },
        serviceRoleARN: (sv, sp) => void r.str(sv, sp),
        serviceRolePermissionsBoundary: (sv, sp) => void r.str(sv, sp),
        fargatePodExecutionRoleARN: (sv, sp) => void r.str(sv, sp),
        fargatePodExecutionRolePermissionsBoundary: (sv, sp) => void r.str(sv, sp),
        vpcResourceControllerPolicy: (bv, bp) => void r.bool(bv, bp),
    }, raw.iam);
}

// EXTERNAL MODULE: ./src/config/not-managed.ts
var not_managed = __webpack_require__(8435);
;// CONCATENATED MODULE: ./src/config/problems.ts
/** File order, then position; stable for equal positions so rule order is kept. */
function sortProblems(problems) {
    return problems
        .map((p, i) => ({ p, i }))
        .sort((a, b) => (a.p.file < b.p.file ? -1 : a.p.file > b.p.file ? 1 : 0) ||
        a.p.line - b.p.line ||
        a.p.column - b.p.column ||
        a.i - b.i)
        .map(({ p }) => p);
}
function problems_hasErrors(problems) {
    return problems.some((p) => p.severity === 'error');
}

// EXTERNAL MODULE: ./src/names/stack-names.ts
var stack_names = __webpack_require__(5737);
// EXTERNAL MODULE: ./src/names/addons.ts
var addons = __webpack_require__(5605);
;// CONCATENATED MODULE: ./src/config/rules/arn-field.ts
// One ARN-valued field: its shape, reported at the value with the expected form as the hint.

function checkArnField(r, value, kind, at, path) {
    if (value === undefined)
        return;
    const bad = (0,limits/* checkArn */.we)(value, kind);
    if (bad)
        r.error(at, path, `${path}: ${bad}`, (0,limits/* arnHint */.R2)(kind));
}

;// CONCATENATED MODULE: ./src/config/rules/role-source.ts
// Where an entry's role comes from: an existing `roleARN`, or the policies of a role podid-action
// creates (eksctl's "at least one of" and "cannot be specified when roleARN is set" rules).


const POLICY_SOURCES = ['permissionPolicy', 'permissionPolicyARNs', 'wellKnownPolicies'];
/** Which of the policy sources of a created role the entry sets. */
function policySources(spec) {
    return {
        permissionPolicy: (0,limits/* hasPolicy */.hS)(spec.permissionPolicy),
        permissionPolicyARNs: spec.permissionPolicyARNs.length > 0,
        wellKnownPolicies: (0,limits/* wellKnownOn */.Re)(spec.wellKnownPolicies).length > 0,
    };
}
const roleSourceRequiredRule = (c) => {
    const { spec, pia } = c;
    const sources = policySources(spec);
    // A field with a type problem was reported already; it is neither set nor missing.
    if (spec.roleARN || ['roleARN', ...POLICY_SOURCES].some((f) => pia.bad.has(f)))
        return;
    if (POLICY_SOURCES.some((f) => sources[f]))
        return;
    const list = ['roleARN', ...POLICY_SOURCES].map((f) => `${c.local}.${f}`);
    c.r.error(pia.at, c.path, c.prefixed(`at least one of the following must be specified: ${list.join(', ')}`), 'give an existing roleARN, or the policies for the role podid-action should create');
};
const roleArnExclusiveRule = (c) => {
    const { spec, local } = c;
    if (!spec.roleARN)
        return;
    const sources = policySources(spec);
    for (const f of POLICY_SOURCES) {
        if (!sources[f])
            continue;
        c.r.error(c.keyAt(f), `${c.path}.${f}`, c.prefixed(`${local}.${f} cannot be specified when ${local}.roleARN is set`), `remove ${f}, or remove roleARN to let podid-action create the role`);
    }
    for (const f of ['roleName', 'permissionsBoundaryARN']) {
        if (spec[f] === undefined)
            continue;
        c.r.warn(c.keyAt(f), `${c.path}.${f}`, `${c.path}.${f} is ignored because ${c.path}.roleARN is set`, `remove ${f}; it only applies to a role podid-action creates`);
    }
};
const roleArnShapeRule = (c) => checkArnField(c.r, c.spec.roleARN, 'role', c.valAt('roleARN'), `${c.path}.roleARN`);
const roleNameRule = (c) => {
    const { spec } = c;
    if (spec.roleName === undefined || spec.roleARN)
        return;
    const bad = (0,limits/* checkRoleName */.Ko)(spec.roleName);
    if (bad) {
        c.r.error(c.valAt('roleName'), `${c.path}.roleName`, bad, 'use 1–64 letters, digits and + = , . @ _ -');
    }
};

;// CONCATENATED MODULE: ./src/config/rules/addon-entry.ts
// What an add-on's pod identity association may not hold: the EKS add-on API takes only a service
// account and a role (eksctl's cluster-config rules, reference §1.2); fields it ignores are listed
// by config/not-managed.ts.

const addonEntryFieldsRule = (c) => {
    if (c.scope.addon === undefined)
        return;
    const { spec, pia, path } = c;
    if (policySources(spec).wellKnownPolicies || pia.key.wellKnownPolicies) {
        c.r.error(c.keyAt('wellKnownPolicies'), `${path}.wellKnownPolicies`, c.suffixed('wellKnownPolicies is not supported for addon.podIdentityAssociations; use addon.useDefaultPodIdentityAssociations instead'), 'remove wellKnownPolicies from the addon association');
    }
    if (pia.key.tags) {
        c.r.error(c.keyAt('tags'), `${path}.tags`, c.suffixed('tags is not supported for addon.podIdentityAssociations'), 'remove tags from the addon association; put them on the addon instead');
    }
    // targetRoleARN, disableSessionTags and policy are accepted and listed as not managed.
};

;// CONCATENATED MODULE: ./src/config/rules/cross-account.ts
// Accounts: the role EKS passes must be in the cluster's account; a role in another account is
// reached through `targetRoleARN` (role chaining).


const targetRoleArnShapeRule = (c) => checkArnField(c.r, c.spec.targetRoleARN, 'role', c.valAt('targetRoleARN'), `${c.path}.targetRoleARN`);
const roleAccountRule = (c) => {
    const { spec, scope } = c;
    const account = spec.roleARN ? (0,limits/* arnAccount */.Rv)(spec.roleARN) : undefined;
    if (!account || !scope.accountID || account === scope.accountID)
        return;
    c.r.error(c.valAt('roleARN'), `${c.path}.roleARN`, `${c.path}.roleARN is in account ${account}, not in the cluster's account ${scope.accountID}`, 'EKS needs a role in the cluster account; use targetRoleARN for a role in another account');
};

;// CONCATENATED MODULE: ./src/config/rules/entry.ts
// What every rule about one pod identity association sees: the entry as read (values and their
// positions), where it sits (standalone or under an add-on), and how to report on it. A rule is a
// short function of this; `validateEntry` runs them in order.

function entryCheck(r, pia, scope) {
    const local = pia.path;
    const addon = scope.addon;
    return {
        r,
        pia,
        spec: pia.spec,
        scope,
        local,
        path: scope.addonPath !== undefined ? `${scope.addonPath}.${local}` : local,
        keyAt: (key) => pia.key[key] ?? pia.at,
        valAt: (key) => pia.val[key] ?? pia.at,
        prefixed: (m) => addon !== undefined ? `invalid configuration for ${(0,yaml/* quote */.hD)(addon)} addon: ${m}` : m,
        suffixed: (m) => (addon !== undefined ? `${m} (addon: ${addon})` : `${local}: ${m}`),
    };
}

;// CONCATENATED MODULE: ./src/config/rules/generated-role.ts
// The role podid-action would create for an entry: eksctl's stack and inline policy names must fit
// CloudFormation's and IAM's limits, and its policies IAM's quotas.



function stackNameOf(c) {
    const { spec, scope } = c;
    return scope.addon !== undefined
        ? (0,stack_names/* addonPodIdentityRoleStackName */.Bw)(scope.cluster, scope.addon, spec.serviceAccountName)
        : (0,stack_names/* podIdentityRoleStackName */.Bk)(scope.cluster, spec.namespace, spec.serviceAccountName);
}
/** The parts of the name a user can shorten, for hints. */
const nameParts = (c) => c.scope.addon !== undefined
    ? 'cluster, addon or service account name'
    : 'cluster name, namespace or service account name';
/** False (reported) when the stack name itself is unusable: nothing built on it is checked then. */
function checkStackName(c, stack) {
    if (stack.length > limits/* MAX_NAME_LENGTH */.EM) {
        c.r.error(c.pia.at, c.path, `generated stack name ${(0,yaml/* quote */.hD)(stack)} is ${stack.length} characters; CloudFormation allows ${limits/* MAX_NAME_LENGTH */.EM}`, `shorten the ${nameParts(c)}`);
        return false;
    }
    if ((0,limits/* isStackNameChars */.TX)(stack))
        return true;
    const culprit = /[^-a-zA-Z0-9]/.exec(c.spec.serviceAccountName)
        ? 'service account name'
        : /[^-a-zA-Z0-9]/.exec(c.scope.addon ?? '')
            ? 'addon name'
            : 'cluster name (metadata.name)';
    c.r.error(c.pia.at, c.path, `generated stack name ${(0,yaml/* quote */.hD)(stack)} is not a valid CloudFormation stack name`, `stack names allow only letters, digits and "-"; change the ${culprit}`);
    return false;
}
/** eksctl names inline policies `<stack>-<name>`; long stack names overflow IAM's 128 (eksctl #5614). */
function checkInlinePolicyNames(c, stack) {
    const { spec } = c;
    const policies = [];
    if ((0,limits/* hasPolicy */.hS)(spec.permissionPolicy)) {
        policies.push({
            name: `${stack}-${spec.permissionPolicyName || 'Policy1'}`,
            what: spec.permissionPolicyName
                ? 'permissionPolicyName'
                : 'the default name Policy1 (set a short permissionPolicyName)',
        });
    }
    for (const wk of (0,limits/* wellKnownOn */.Re)(spec.wellKnownPolicies)) {
        for (const p of (0,limits/* wellKnownInline */.Rg)(wk))
            policies.push({ name: `${stack}-${p.id}`, what: `wellKnownPolicies.${wk}` });
    }
    for (const p of policies) {
        if (p.name.length <= limits/* MAX_NAME_LENGTH */.EM)
            continue;
        c.r.error(c.pia.at, c.path, `generated inline policy name ${(0,yaml/* quote */.hD)(p.name)} is ${p.name.length} characters; IAM allows ${limits/* MAX_NAME_LENGTH */.EM} (eksctl bug #5614)`, `the name is the stack name plus ${p.what}; shorten the ${nameParts(c)}`);
    }
}
function checkPolicyQuotas(c) {
    const { spec, pia, path } = c;
    const wk = (0,limits/* wellKnownOn */.Re)(spec.wellKnownPolicies);
    const size = ((0,limits/* hasPolicy */.hS)(spec.permissionPolicy) ? (0,limits/* policySize */.o2)(spec.permissionPolicy) : 0) +
        wk.flatMap(limits/* wellKnownInline */.Rg).reduce((s, p) => s + p.size, 0);
    if (size > limits/* MAX_INLINE_POLICY_CHARS */.IJ) {
        c.r.error(pia.key.permissionPolicy ?? pia.key.wellKnownPolicies ?? pia.at, path, `inline policies of the role for ${path} total about ${size} characters; IAM allows ${limits/* MAX_INLINE_POLICY_CHARS */.IJ} per role`, 'move statements into a customer managed policy and list it in permissionPolicyARNs');
    }
    const managed = spec.permissionPolicyARNs.length + wk.filter(limits/* wellKnownAttachesManaged */.G5).length;
    if (managed > limits/* MAX_MANAGED_POLICIES */.ge) {
        c.r.warn(pia.key.permissionPolicyARNs ?? pia.at, `${path}.permissionPolicyARNs`, `the role for ${path} would have ${managed} managed policies; the IAM quota "Managed policies per role: ${limits/* MAX_MANAGED_POLICIES */.ge}" applies unless it was raised`, 'combine policies, or raise the quota in Service Quotas before applying');
    }
}
const generatedRoleRule = (c) => {
    const { spec } = c;
    if (spec.roleARN || !spec.namespace || !spec.serviceAccountName)
        return;
    const stack = stackNameOf(c);
    if (!checkStackName(c, stack))
        return;
    checkInlinePolicyNames(c, stack);
    checkPolicyQuotas(c);
};

;// CONCATENATED MODULE: ./src/config/rules/identity.ts
// Which service account an entry is for: the namespace and the service account name (eksctl's
// "must be set" rules, then Kubernetes' name shapes).

const namespaceRule = (c) => {
    const { spec, pia } = c;
    if (!spec.namespace && !pia.bad.has('namespace')) {
        const hint = c.scope.addon !== undefined
            ? "eksctl's code requires it for addon associations although its docs omit it; use the addon's namespace, usually kube-system"
            : 'set namespace to the Kubernetes namespace of the service account';
        c.r.error(c.valAt('namespace'), `${c.path}.namespace`, c.prefixed(`${c.local}.namespace must be set`), hint);
    }
    else if (spec.namespace) {
        const bad = (0,limits/* checkNamespace */.oO)(spec.namespace);
        if (bad)
            c.r.error(c.valAt('namespace'), `${c.path}.namespace`, bad, limits/* NAMESPACE_HINT */.ID);
    }
};
const serviceAccountNameRule = (c) => {
    const { spec, pia } = c;
    if (!spec.serviceAccountName && !pia.bad.has('serviceAccountName')) {
        c.r.error(c.valAt('serviceAccountName'), `${c.path}.serviceAccountName`, c.prefixed(`${c.local}.serviceAccountName must be set`), 'set serviceAccountName to the Kubernetes service account the pods use');
    }
    else if (spec.serviceAccountName) {
        const bad = (0,limits/* checkServiceAccountName */.gA)(spec.serviceAccountName);
        if (bad)
            c.r.error(c.valAt('serviceAccountName'), `${c.path}.serviceAccountName`, bad, limits/* SA_HINT */.Jx);
    }
};

// EXTERNAL MODULE: ./src/names/template-ids.ts
var template_ids = __webpack_require__(2452);
;// CONCATENATED MODULE: ./src/config/rules/policies.ts
// What a role may do: managed policy ARNs, the permissions boundary, the inline permission policy
// (its name and document), and the session policy that further limits an association.





const permissionPolicyNameRule = (c) => {
    const name = c.spec.permissionPolicyName;
    if (name === undefined)
        return;
    const path = `${c.path}.permissionPolicyName`;
    if (!(0,limits/* hasPolicy */.hS)(c.spec.permissionPolicy)) {
        c.r.error(c.keyAt('permissionPolicyName'), path, c.suffixed('permissionPolicyName requires permissionPolicy to be set'), 'add permissionPolicy or remove permissionPolicyName');
    }
    else if (!/[A-Za-z0-9]/.test(name)) {
        c.r.error(c.valAt('permissionPolicyName'), path, c.suffixed(`permissionPolicyName ${(0,yaml/* quote */.hD)(name)} must contain at least one alphanumeric character`), 'use a name such as S3Access');
    }
    else if (!(0,limits/* isPolicyNameChars */.R0)(name)) {
        c.r.error(c.valAt('permissionPolicyName'), path, `${path} ${(0,yaml/* quote */.hD)(name)} contains characters IAM does not allow in a policy name`, 'use letters, digits and + = , . @ _ -');
    }
};
/**
 * The inline permission policy and the well-known ones share the template's resource ids: a name
 * that sanitizes to `PolicyAutoScaling` (or `Role1`) would replace that resource, and eksctl keeps
 * whichever it writes last without a word (its AttachPolicy / NewResource overwrite). Refused here.
 */
const inlinePolicyNameCollisionRule = (c) => {
    const { spec } = c;
    if (!(0,limits/* hasPolicy */.hS)(spec.permissionPolicy))
        return;
    const id = (0,template_ids/* permissionPolicyLogicalId */.qD)(spec.permissionPolicyName);
    const taken = id === template_ids/* ROLE_LOGICAL_ID */.b
        ? 'the role itself (Role1)'
        : (0,limits/* wellKnownOn */.Re)(spec.wellKnownPolicies)
            .filter((name) => well_known_policies/* WELL_KNOWN_INLINE_POLICY_IDS */.tT[name].includes(id))
            .map((name) => `wellKnownPolicies.${name}`)[0];
    if (!taken)
        return;
    const named = spec.permissionPolicyName ?? template_ids/* DEFAULT_PERMISSION_POLICY_NAME */.tB;
    c.r.error(c.keyAt(spec.permissionPolicyName !== undefined ? 'permissionPolicyName' : 'permissionPolicy'), `${c.path}.permissionPolicyName`, `permissionPolicyName ${(0,yaml/* quote */.hD)(named)} names the same CloudFormation resource (${id}) as ${taken}: one of the two policies would be silently dropped`, 'give the inline policy another permissionPolicyName');
};
/** EKS accepts a session policy only with session tags disabled (eksctl checks it for standalone entries). */
const sessionPolicyNeedsNoSessionTagsRule = (c) => {
    const { spec } = c;
    if (c.scope.addon !== undefined || spec.policy === undefined || spec.disableSessionTags === true)
        return;
    c.r.error(c.keyAt('policy'), `${c.path}.policy`, '--disable-session-tags must be set to true when using --policy', 'set disableSessionTags: true on this association; EKS accepts a session policy only with session tags disabled');
};
const sessionPolicyJsonRule = (c) => {
    const text = c.spec.policy;
    if (text === undefined)
        return;
    const at = c.valAt('policy');
    const path = `${c.path}.policy`;
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch {
        c.r.error(at, path, `${path} is not valid JSON: ${(0,yaml/* quote */.hD)(text)}`, 'write the session policy as a JSON string, e.g. policy: \'{"Version":"2012-10-17","Statement":[...]}\'');
        return;
    }
    if (!isObject(parsed)) {
        c.r.error(at, path, `${path} must be a JSON object (an IAM policy document)`, 'write the session policy as a JSON policy document');
    }
};
const policyArnShapesRule = (c) => {
    const { spec, pia } = c;
    checkArnField(c.r, spec.permissionsBoundaryARN, 'policy', c.valAt('permissionsBoundaryARN'), `${c.path}.permissionsBoundaryARN`);
    spec.permissionPolicyARNs.forEach((arn, i) => checkArnField(c.r, arn, 'policy', pia.items.permissionPolicyARNs?.[i] ?? c.valAt('permissionPolicyARNs'), `${c.path}.permissionPolicyARNs[${i}]`));
};
const permissionPolicyDocumentRule = (c) => {
    if (!(0,limits/* hasPolicy */.hS)(c.spec.permissionPolicy))
        return;
    checkDocument(c.r, c.spec.permissionPolicy, c.valAt('permissionPolicy'), `${c.path}.permissionPolicy`);
};
/** The shape IAM requires of a policy document: Version, Statement, and Latin-1 text. */
function checkDocument(r, doc, at, path) {
    const version = doc.Version;
    if (version === undefined || doc.Statement === undefined) {
        const missing = ['Version', 'Statement'].filter((f) => doc[f] === undefined).join(' and ');
        r.error(at, path, `${path} is not an IAM policy document: ${missing} missing`, 'an IAM policy needs Version: "2012-10-17" and a Statement list');
        return;
    }
    if (version !== '2012-10-17' && version !== '2008-10-17') {
        r.error(at, `${path}.Version`, `${path}.Version must be "2012-10-17", got ${(0,yaml/* quote */.hD)(typeof version === 'object' ? JSON.stringify(version) : String(version))}`, 'quote the date: Version: "2012-10-17"');
    }
    const st = doc.Statement;
    const ok = Array.isArray(st) ? st.length > 0 && st.every(isObject) : isObject(st);
    if (!ok) {
        r.error(at, `${path}.Statement`, `${path}.Statement must be a statement or a non-empty list of statements`, 'each statement is a mapping with Effect, Action and Resource');
    }
    if ((0,limits/* hasBadPolicyChars */.R_)(doc)) {
        r.error(at, path, `${path} contains characters IAM does not accept in a policy`, 'policies may contain only printable Latin-1 characters, tab and newlines');
    }
}
function isObject(x) {
    return typeof x === 'object' && x !== null && !Array.isArray(x);
}

;// CONCATENATED MODULE: ./src/config/rules/tags.ts
// Tags: AWS's limits and reserved keys, for each tag and for the totals each resource would carry
// once eksctl and podid-action add their own.

/** Each key/value against AWS's tag rules and the keys eksctl and podid-action reserve. */
function checkTagMap(r, tags, keyAt, path) {
    for (const [key, value] of Object.entries(tags)) {
        const bad = (0,limits/* checkTag */.Bs)(key, value);
        if (bad)
            r.error(keyAt(key), path, bad[0], bad[1]);
    }
}
/** A standalone entry's tags go on its association and, for a created role, on its stack. */
const entryTagsRule = (c) => {
    if (c.scope.addon !== undefined)
        return;
    const { spec, pia, path } = c;
    checkTagMap(c.r, spec.tags, (key) => pia.tagKeys.get(key) ?? pia.at, `${path}.tags`);
    const own = Object.keys(spec.tags).length;
    if (own + 1 > limits/* MAX_TAGS */.x3) {
        c.r.error(pia.key.tags ?? pia.at, `${path}.tags`, `${path}.tags has ${own} tags; the association would carry ${own + 1} with podid-action's owner tag, and EKS allows ${limits/* MAX_TAGS */.x3}`, `remove tags to keep at most ${limits/* MAX_TAGS */.x3 - 1}`);
        return;
    }
    if (spec.roleARN)
        return;
    const merged = new Set([...Object.keys(c.scope.metadataTags), ...Object.keys(spec.tags)]).size;
    const total = merged + limits/* STACK_TAGS_ADDED */.kX.standalone;
    if (total > limits/* MAX_TAGS */.x3) {
        c.r.error(pia.key.tags ?? pia.at, `${path}.tags`, `the role stack for ${path} would carry ${total} tags (${merged} from metadata.tags and tags, ${limits/* STACK_TAGS_ADDED */.kX.standalone} added by eksctl and podid-action); CloudFormation allows ${limits/* MAX_TAGS */.x3}`, 'remove tags here or in metadata.tags');
    }
};

;// CONCATENATED MODULE: ./src/config/rules/association.ts
// All rules about one pod identity association, standalone (`iam.podIdentityAssociations[i]`) or
// an add-on's (`addons[j].podIdentityAssociations[i]`), in the order eksctl checks them: eksctl's
// rules keep eksctl's text (reference §1.1–§1.2); the rest are our own checks for what AWS would
// reject half-way through an apply. A new field is one rule here.








const ENTRY_RULES = [
    namespaceRule,
    serviceAccountNameRule,
    roleSourceRequiredRule,
    roleArnExclusiveRule,
    addonEntryFieldsRule,
    permissionPolicyNameRule,
    inlinePolicyNameCollisionRule,
    sessionPolicyNeedsNoSessionTagsRule,
    sessionPolicyJsonRule,
    roleArnShapeRule,
    targetRoleArnShapeRule,
    policyArnShapesRule,
    roleAccountRule,
    roleNameRule,
    permissionPolicyDocumentRule,
    entryTagsRule,
    generatedRoleRule,
];
function validateAssociation(r, pia, scope) {
    // A list item that is not a mapping was reported when read; nothing more to say about it.
    if (pia.bad.has(''))
        return;
    const check = entryCheck(r, pia, scope);
    for (const rule of ENTRY_RULES)
        rule(check);
}

;// CONCATENATED MODULE: ./src/config/rules/addon.ts
// Rules for one `addons[]` entry (reference §1.2): eksctl's Addon.Validate() and its cluster-config
// add-on checks, then the rules of each of its pod identity associations.








function irsaFields(addon) {
    const { spec } = addon;
    const set = {
        serviceAccountRoleARN: !!spec.serviceAccountRoleARN,
        attachPolicyARNs: spec.attachPolicyARNs.length > 0,
        attachPolicy: spec.attachPolicy !== undefined,
        wellKnownPolicies: Object.values(spec.wellKnownPolicies).some(Boolean),
    };
    return Object.entries(set)
        .filter(([, on]) => on)
        .map(([field]) => field);
}
const MAX_ALIASES = 10;
/**
 * eksctl accepts JSON, or YAML that strictly unmarshals into an object: undefined when valid, else
 * what is wrong and how to fix it. YAML aliases are capped (an alias bomb would expand without end).
 */
function configurationValuesProblem(s) {
    try {
        JSON.parse(s);
        return undefined;
    }
    catch {
        // not JSON: try YAML
    }
    const invalid = {
        message: `configurationValues: ${(0,yaml/* quote */.hD)(s)} is not valid, supported format(s) are: JSON and YAML`,
        hint: 'write configurationValues as a JSON or YAML object in a string (e.g. with "|")',
    };
    try {
        // 'error': errors still throw; a warning would print the file's text to stderr, around the sink.
        const v = (0,yaml_dist/* parse */.qg)(s, {
            uniqueKeys: true,
            maxAliasCount: MAX_ALIASES,
            logLevel: 'error',
        });
        return v === null || v === undefined || (typeof v === 'object' && !Array.isArray(v))
            ? undefined
            : invalid;
    }
    catch (error) {
        if (error instanceof Error &&
            /alias/i.test(error.message) &&
            /count|resource/i.test(error.message)) {
            return {
                message: `configurationValues uses YAML aliases that expand more than ${MAX_ALIASES} times`,
                hint: 'write the values out in full (or as JSON) instead of repeating them through anchors and aliases',
            };
        }
        return invalid;
    }
}
const configurationValuesRule = (c) => {
    const values = c.addon.spec.configurationValues;
    const problem = values === undefined ? undefined : configurationValuesProblem(values);
    if (!problem)
        return;
    c.r.error(c.valAt('configurationValues'), `${c.path}.configurationValues`, c.prefixed(problem.message), problem.hint);
};
/** eksctl's validateKubernetesNamespaceName: a DNS-1123 label that starts with a letter. */
const namespaceConfigRule = (c) => {
    const ns = c.addon.spec.namespaceConfig?.namespace;
    if (!ns)
        return;
    const message = ns.length > 63
        ? `namespace name ${(0,yaml/* quote */.hD)(ns)} is too long (max 63 characters)`
        : /^[a-z]([a-z0-9-]*[a-z0-9])?$/.test(ns)
            ? undefined
            : `namespace ${(0,yaml/* quote */.hD)(ns)} is not a valid Kubernetes namespace name (must be a valid DNS-1123 label)`;
    if (!message)
        return;
    c.r.error(c.valAt('namespaceConfig'), `${c.path}.namespaceConfig.namespace`, c.prefixed(message), 'use at most 63 lower-case letters, digits and "-", starting with a letter and ending with a letter or digit');
};
const irsaExclusiveRule = (c) => {
    const { irsa, path } = c;
    const entries = c.addon.spec.podIdentityAssociations ?? [];
    if (irsa.length > 0 && entries.length > 0) {
        c.r.error(c.keyAt(irsa[0]), `${path}.${irsa[0]}`, c.prefixed('cannot set IRSA config (`addon.ServiceAccountRoleARN`, `addon.AttachPolicyARNs`, `addon.AttachPolicy`, `addon.WellKnownPolicies`) and pod identity associations at the same time'), 'remove the IRSA fields; pod identity associations replace them');
    }
    else if (irsa.length > 1) {
        c.r.error(c.keyAt(irsa[1]), `${path}.${irsa[1]}`, c.prefixed('at most one of wellKnownPolicies, serviceAccountRoleARN, attachPolicyARNs and attachPolicy can be specified'), `keep only one of: ${irsa.join(', ')}`);
    }
};
const agentHasNoAssociationsRule = (c) => {
    const entries = c.addon.spec.podIdentityAssociations ?? [];
    if (entries.length === 0 || c.name.toLowerCase() !== addons/* AGENT_ADDON */.t)
        return;
    c.r.error(c.keyAt('podIdentityAssociations'), `${c.path}.podIdentityAssociations`, c.prefixed(`cannot set pod identity associations for ${(0,yaml/* quote */.hD)(addons/* AGENT_ADDON */.t)} addon`), 'the agent itself needs no association; remove podIdentityAssociations');
};
const useDefaultExclusiveRule = (c) => {
    const { spec } = c.addon;
    if (!spec.useDefaultPodIdentityAssociations)
        return;
    if ((spec.podIdentityAssociations ?? []).length > 0) {
        c.r.error(c.keyAt('useDefaultPodIdentityAssociations'), `${c.path}.useDefaultPodIdentityAssociations`, c.suffixed('cannot specify both addon.useDefaultPodIdentityAssociations and addon.podIdentityAssociations'), 'use either the recommended associations or your own list');
    }
    if (c.irsa.length > 0) {
        c.r.error(c.keyAt(c.irsa[0]), `${c.path}.${c.irsa[0]}`, c.suffixed('cannot specify serviceAccountRoleARN, wellKnownPolicies, attachPolicy or attachPolicyARNs when addon.useDefaultPodIdentityAssociations is set'), 'remove the IRSA fields or useDefaultPodIdentityAssociations');
    }
};
const irsaShapesRule = (c) => {
    const { spec, items } = c.addon;
    const { r, path } = c;
    const arnOf = (value) => value || undefined;
    checkArnField(r, arnOf(spec.serviceAccountRoleARN), 'role', c.valAt('serviceAccountRoleARN'), `${path}.serviceAccountRoleARN`);
    checkArnField(r, arnOf(spec.permissionsBoundary), 'policy', c.valAt('permissionsBoundary'), `${path}.permissionsBoundary`);
    spec.attachPolicyARNs.forEach((arn, i) => checkArnField(r, arnOf(arn), 'policy', items.attachPolicyARNs?.[i] ?? c.valAt('attachPolicyARNs'), `${path}.attachPolicyARNs[${i}]`));
    if ((0,limits/* hasPolicy */.hS)(spec.attachPolicy))
        checkDocument(r, spec.attachPolicy, c.valAt('attachPolicy'), `${path}.attachPolicy`);
};
const addonTagsRule = (c) => checkTagMap(c.r, c.addon.spec.tags, (key) => c.addon.tagKeys.get(key) ?? c.addon.at, `${c.path}.tags`);
const ADDON_RULES = [
    configurationValuesRule,
    namespaceConfigRule,
    irsaExclusiveRule,
    agentHasNoAssociationsRule,
    useDefaultExclusiveRule,
    irsaShapesRule,
    addonTagsRule,
];
function validateAddon(r, addon, cluster) {
    if (addon.bad.has(''))
        return;
    const { spec, path } = addon;
    const name = spec.name;
    const prefixed = (m) => `invalid configuration for ${(0,yaml/* quote */.hD)(name)} addon: ${m}`;
    if (!name) {
        r.error(addon.val.name ?? addon.at, `${path}.name`, prefixed('name is required'), 'set the EKS addon name, e.g. vpc-cni');
        return;
    }
    // A name of any other shape may carry line breaks into every text that names the add-on.
    const badName = (0,limits/* checkAddonName */.kH)(name);
    if (badName) {
        r.error(addon.val.name ?? addon.at, `${path}.name`, badName, limits/* ADDON_NAME_HINT */.hh);
        return;
    }
    const check = {
        r,
        addon,
        name,
        path,
        keyAt: (key) => addon.key[key] ?? addon.at,
        valAt: (key) => addon.val[key] ?? addon.at,
        prefixed,
        suffixed: (m) => `${m} (addon: ${name})`,
        irsa: irsaFields(addon),
    };
    for (const rule of ADDON_RULES)
        rule(check);
    for (const pia of addon.pias)
        validateAssociation(r, pia, { ...cluster, addon: name, addonPath: path });
}

;// CONCATENATED MODULE: ./src/config/rules/service-accounts.ts
// Rules for `iam.serviceAccounts[]` (IRSA entries, read for migration): names and ARN shapes.


function validateServiceAccount(r, sa) {
    const p = sa.path;
    if (!sa.spec.name) {
        r.error(sa.at, `${p}.metadata.name`, `${p}.metadata.name must be set`, 'set the service account name under metadata.name');
    }
    const badNs = sa.spec.namespace ? (0,limits/* checkNamespace */.oO)(sa.spec.namespace) : undefined;
    if (badNs)
        r.error(sa.at, `${p}.metadata.namespace`, badNs, limits/* NAMESPACE_HINT */.ID);
    sa.spec.attachPolicyARNs.forEach((arn, i) => checkArnField(r, arn, 'policy', sa.items.attachPolicyARNs?.[i] ?? sa.at, `${p}.attachPolicyARNs[${i}]`));
    checkArnField(r, sa.spec.attachRoleARN || undefined, 'role', sa.val.attachRoleARN ?? sa.at, `${p}.attachRoleARN`);
}

;// CONCATENATED MODULE: ./src/config/rules/cluster.ts
// Rules for one file as a whole (metadata tags, duplicates among its entries and add-ons, stack
// name collisions), and across files (one cluster, one file).







function validateCluster(r, raw) {
    const { spec } = raw;
    const scope = {
        cluster: spec.name,
        accountID: spec.accountID,
        metadataTags: spec.tags,
    };
    checkMetadataTags(r, raw);
    for (const pia of raw.pias)
        validateAssociation(r, pia, scope);
    for (const addon of raw.addons)
        validateAddon(r, addon, scope);
    checkDuplicateAddons(r, raw);
    checkDuplicateAssociations(r, [
        ...raw.pias,
        ...raw.addons.flatMap((a) => a.pias.map((p) => ({ ...p, path: `${a.path}.${p.path}` }))),
    ]);
    checkStackNameCollisions(r, raw.spec.name, raw.pias);
    for (const sa of raw.serviceAccounts)
        validateServiceAccount(r, sa);
}
/** Every role stack carries metadata.tags plus the tags eksctl and podid-action add (reference §0). */
function checkMetadataTags(r, raw) {
    const { spec, meta } = raw;
    checkTagMap(r, spec.tags, (key) => meta.tagKeys.get(key) ?? meta.at, 'metadata.tags');
    const count = Object.keys(spec.tags).length;
    const added = limits/* STACK_TAGS_ADDED */.kX.standalone;
    if (count + added <= limits/* MAX_TAGS */.x3)
        return;
    r.error(meta.key.tags ?? meta.at, 'metadata.tags', `metadata.tags has ${count} tags; every role stack would carry ${count + added} with the ${added} tags eksctl and podid-action add, and CloudFormation allows ${limits/* MAX_TAGS */.x3}`, `keep at most ${limits/* MAX_TAGS */.x3 - added} tags in metadata.tags`);
}
function checkDuplicateAddons(r, raw) {
    const first = new Map();
    for (const addon of raw.addons) {
        if (addon.bad.has(''))
            continue;
        const lower = addon.spec.name.toLowerCase();
        if (!lower)
            continue;
        const line = first.get(lower);
        if (line === undefined) {
            first.set(lower, (addon.val.name ?? addon.at).line);
            continue;
        }
        r.error(addon.val.name ?? addon.at, `${addon.path}.name`, `addon ${(0,yaml/* quote */.hD)(addon.spec.name)} is declared twice (first at line ${line})`, 'declare each addon once');
    }
}
/** One service account maps to one role: a second association for it would fail at apply time. */
function checkDuplicateAssociations(r, pias) {
    const seen = new Map();
    for (const pia of pias) {
        const { namespace, serviceAccountName } = pia.spec;
        if (!namespace || !serviceAccountName)
            continue;
        const id = `${namespace}/${serviceAccountName}`;
        const first = seen.get(id);
        if (!first) {
            seen.set(id, pia);
            continue;
        }
        r.error(pia.at, pia.path, `duplicate pod identity association for service account ${(0,yaml/* quote */.hD)(id)}: already declared at line ${first.at.line} (${first.path})`, 'a service account can have only one association; remove or merge one of them');
    }
}
/**
 * eksctl names a role stack `<namespace>-<serviceAccountName>`, so `team-a/app` and `team/a-app`
 * would need the same stack: the second entry could never get its own role.
 */
function checkStackNameCollisions(r, cluster, pias) {
    const seen = new Map();
    for (const pia of pias) {
        const { namespace, serviceAccountName, roleARN } = pia.spec;
        if (!namespace || !serviceAccountName || roleARN || !cluster)
            continue;
        const name = (0,stack_names/* podIdentityRoleStackName */.Bk)(cluster, namespace, serviceAccountName);
        const first = seen.get(name);
        if (!first) {
            seen.set(name, pia);
            continue;
        }
        const other = `${first.spec.namespace}/${first.spec.serviceAccountName}`;
        r.error(pia.at, pia.path, `the role stack of ${(0,yaml/* quote */.hD)(`${namespace}/${serviceAccountName}`)} would be ${(0,yaml/* quote */.hD)(name)}, the same as the one of ${(0,yaml/* quote */.hD)(other)} at line ${first.at.line} (${first.path})`, 'eksctl names role stacks <namespace>-<serviceAccountName>; rename one namespace or service account, or give one entry a roleARN');
    }
}
/** Two files must not declare the same cluster: each would try to own its associations. */
function checkAcrossFiles(clusters) {
    const problems = [];
    const seen = new Map();
    for (const c of clusters) {
        if (!c.name || !c.region)
            continue;
        const id = `${c.name}\u0000${c.region}`;
        const first = seen.get(id);
        if (!first) {
            seen.set(id, c);
            continue;
        }
        problems.push({
            severity: 'error',
            file: c.file,
            line: c.location.line,
            column: c.location.column,
            path: 'metadata.name',
            message: `cluster ${(0,yaml/* quote */.hD)(c.name)} in region ${(0,yaml/* quote */.hD)(c.region)} is declared in both ${first.file} and ${c.file}`,
            hint: 'one file = one cluster: merge the two files or remove one',
        });
    }
    return problems;
}

;// CONCATENATED MODULE: ./src/config/parse.ts
// One file, text in, cluster + problems out. Never throws: hostile input must yield problems.







/** What YAML does not allow in a file (YAML 1.2 §5.1): C0 and C1 controls but tab, LF, CR and NEL. */
const NOT_TEXT = /(?![\t\n\r\u0085])[\p{Cc}\ufffe\uffff]/u;
/** A file that is not text (a binary): one problem, at the first offending character, quoting none. */
function notText(file, text) {
    const bad = NOT_TEXT.exec(text);
    if (!bad)
        return undefined;
    const before = text.slice(0, bad.index).split('\n');
    const code = bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    return {
        problems: [
            {
                severity: 'error',
                file,
                line: before.length,
                column: before[before.length - 1].length + 1,
                message: `control character U+${code}: YAML does not allow control characters, so this file cannot be read`,
                hint: 'remove the character; a binary or generated file is no ClusterConfig: make the config patterns match no other file',
            },
        ],
    };
}
function parseInternal(text, file) {
    const binary = notText(file, text);
    if (binary)
        return binary;
    try {
        const { reader, root, ours, syntaxBroken } = (0,yaml/* parseYamlFile */.BU)(text.replace(/^\uFEFF/, ''), file, isClusterConfigDocument);
        // Syntax first and alone: fields read from a broken document lead to wrong "must be set" and
        // "did you mean" problems.
        if (syntaxBroken)
            return { problems: sortProblems(reader.problems) };
        if (root !== null && !ours) {
            reader.error(reader.pos(root), undefined, (0,yaml_dist/* isMap */.jh)(root)
                ? `this file is not an eksctl ClusterConfig: it has neither kind: ${schema/* KIND */.Nd} nor an apiVersion in ${schema/* API_GROUP */.Zf}`
                : 'this file is not an eksctl ClusterConfig: its top level is not a mapping', `only eksctl ClusterConfig files are read: start the file with "apiVersion: ${schema/* API_VERSION */.mG}" and "kind: ${schema/* KIND */.Nd}", or make the config patterns match no other file`);
            return { problems: sortProblems(reader.problems) };
        }
        const raw = root === null ? undefined : readCluster(reader, root);
        if (raw) {
            raw.spec.notManaged = (0,not_managed/* notManagedIn */.Y)(raw);
            validateCluster(reader, raw);
        }
        return { raw, problems: sortProblems(reader.problems) };
    }
    catch (e) {
        return {
            problems: [
                {
                    severity: 'error',
                    file,
                    line: 1,
                    column: 1,
                    // The error's text may quote the file: its kind is enough to report the bug.
                    message: `could not read this file (${e instanceof Error ? e.name : typeof e})`,
                    hint: 'simplify the file (e.g. less nesting); this is a bug in podid-action if the file is valid eksctl YAML',
                },
            ],
        };
    }
}
function parseClusterConfig(text, file) {
    const { raw, problems } = parseInternal(text, file);
    return raw && !hasErrors(problems) ? { cluster: raw.spec, problems } : { problems };
}

;// CONCATENATED MODULE: ./src/config/load.ts
// Globs → files → clusters. The only module here that touches the file system, and the one that
// decides which files may be read at all: a config file must lead (symbolic links followed) to a
// regular file inside the workspace, so a link in a pull request cannot make the action read
// /etc/passwd or /proc/self/environ and show it in a comment.







const MAX_FILE_BYTES = 1024 * 1024;
/** How a problem says where a file may not lead, and what to do. */
const OUTSIDE = {
    workspace: {
        where: 'the workspace',
        hint: 'a config file, or the link to it, must stay inside the workspace: put the file itself in the repository',
    },
    cli: {
        where: 'the working directory (and any directory named outside it by -f)',
        hint: 'podid follows no link out of the directories it is pointed at: name the target itself, or run podid from a directory that holds it',
    },
};
/** A directory's real path (links resolved), or undefined when it does not exist. */
const realDir = (dir) => (0,promises_.realpath)(dir).catch(() => undefined);
const isInside = (file, dir) => {
    const rel = external_node_path_default().relative(dir, file);
    return rel !== '..' && !rel.startsWith(`..${(external_node_path_default()).sep}`) && !external_node_path_default().isAbsolute(rel);
};
/** The directory a pattern names before its first wildcard: `../infra` for `../infra/**\/*.yaml`. */
function namedDirectory(pattern, cwd) {
    if (!(0,dist/* isDynamicPattern */.ey)(pattern))
        return external_node_path_default().dirname(external_node_path_default().resolve(cwd, pattern));
    const fixed = [];
    for (const part of pattern.split('/')) {
        if ((0,dist/* isDynamicPattern */.ey)(part))
            break;
        fixed.push(part);
    }
    return external_node_path_default().resolve(cwd, fixed.join('/') || '.');
}
/** The directory a pattern names, when it lies outside cwd as written (the CLI may read there). */
function namedDirectoryOutside(pattern, cwd) {
    const dir = namedDirectory(pattern, cwd);
    return isInside(dir, external_node_path_default().resolve(cwd)) ? undefined : dir;
}
function fileProblem(file, message, hint) {
    return { severity: 'error', file, line: 0, column: 0, message, hint };
}
/**
 * The file system the glob walks: a directory that leads outside `roots` reads as empty. So a link
 * such as `clusters -> /` makes the glob crawl nothing outside (not the runner's whole disk), and no
 * name from outside is ever listed, let alone shown in a problem. A link to a file outside is still
 * listed, so that the reader refuses it by its name in the workspace.
 */
function confinedFs(cwd, roots, named) {
    // The glob may start at a common parent of cwd and a `..` pattern's directory: those parents, as
    // written (not through a link), are walked through; the pattern matches nothing in them.
    const anchors = [external_node_path_default().resolve(cwd), ...(named ? [named] : [])];
    const allowed = (dir, real) => roots.some((root) => isInside(real, root)) || anchors.some((a) => isInside(a, dir));
    const readdir = ((dir, options, callback) => external_node_fs_.realpath(external_node_path_default().resolve(cwd, dir), (error, real) => {
        if (!error && !allowed(external_node_path_default().resolve(cwd, dir), real))
            return callback(null, []);
        external_node_fs_.readdir(dir, options, callback);
    }));
    const { readdirSync, realpath, realpathSync, stat: statAsync, statSync } = external_node_fs_;
    return { readdir, readdirSync, realpath, realpathSync, stat: statAsync, statSync };
}
/** Files for one pattern, as paths relative to cwd (absolute when the pattern was absolute). */
async function expand(pattern, cwd, roots, confine, problems) {
    const named = confine === 'cli' ? namedDirectoryOutside(pattern, cwd) : undefined;
    if (!(0,dist/* isDynamicPattern */.ey)(pattern)) {
        // A plain path is taken literally, so names with [ ] or ( ) need no escaping.
        const s = await (0,promises_.stat)(external_node_path_default().resolve(cwd, pattern)).catch(() => undefined);
        // Anything but a directory is passed on: the reader refuses what is not a regular file.
        if (s && !s.isDirectory())
            return [external_node_path_default().normalize(pattern)];
        if (s?.isDirectory()) {
            problems.push(fileProblem(pattern, `${JSON.stringify(pattern)} is a directory`, `pass a glob such as ${external_node_path_default().join(pattern, '*.yaml')}`));
        }
        else {
            problems.push(fileProblem(pattern, `file ${JSON.stringify(pattern)} not found`, 'check the path; it is relative to the working directory'));
        }
        return [];
    }
    // A glob whose own directory leads outside: nothing there is listed, and the problem says why.
    const base = await realDir(namedDirectory(pattern, cwd));
    if (base !== undefined && !roots.some((root) => isInside(base, root))) {
        problems.push(fileProblem(pattern, `${JSON.stringify(pattern)} leads into a directory outside ${OUTSIDE[confine].where}; nothing there was read`, OUTSIDE[confine].hint));
        return [];
    }
    const files = await (0,dist/* glob */.TI)(pattern, {
        cwd,
        onlyFiles: true,
        absolute: external_node_path_default().isAbsolute(pattern),
        expandDirectories: false,
        fs: confinedFs(cwd, roots, named),
    });
    if (files.length === 0) {
        problems.push(fileProblem(pattern, `no file matches ${JSON.stringify(pattern)}`, 'check the glob; it is relative to the working directory'));
    }
    return files.map((f) => external_node_path_default().normalize(f));
}
/**
 * Reads a file that leads (links followed) inside one of `roots`, is a regular file and holds at
 * most MAX_FILE_BYTES of UTF-8. Nothing is read from any other file; the problem names the file as
 * matched and never where it leads, which may itself be a secret or hostile text.
 */
async function readConfined(file, cwd, roots, confine) {
    const name = JSON.stringify(file);
    const real = await (0,promises_.realpath)(external_node_path_default().resolve(cwd, file)).catch(() => undefined);
    if (real === undefined) {
        return fileProblem(file, `cannot read ${name}: it does not exist or leads nowhere`, 'check the file; a symbolic link must point to an existing file');
    }
    if (!roots.some((root) => isInside(real, root))) {
        const outside = OUTSIDE[confine];
        return fileProblem(file, `${name} leads outside ${outside.where}; it was not read`, outside.hint);
    }
    let handle;
    try {
        // The resolved path, without following a link swapped in since; O_NONBLOCK so that opening a
        // FIFO does not wait for a writer (its type is refused below, on the open handle).
        handle = await (0,promises_.open)(real, external_node_fs_.constants.O_RDONLY | (external_node_fs_.constants.O_NONBLOCK ?? 0) | (external_node_fs_.constants.O_NOFOLLOW ?? 0));
        const stats = await handle.stat();
        if (!stats.isFile()) {
            return fileProblem(file, `${name} is not a regular file (a directory, FIFO, socket or device); it was not read`, 'config patterns must match only ClusterConfig files');
        }
        const size = stats.size;
        if (size > MAX_FILE_BYTES) {
            return fileProblem(file, `file is ${size} bytes; files over 1 MiB are refused`, 'a ClusterConfig is far smaller; check that this is the right file');
        }
        const buf = Buffer.alloc(MAX_FILE_BYTES + 1);
        const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
        if (bytesRead > MAX_FILE_BYTES) {
            return fileProblem(file, 'file grew past 1 MiB while being read; refused', 'a ClusterConfig is far smaller; check that this is the right file');
        }
        return UTF8.decode(buf.subarray(0, bytesRead));
    }
    catch (e) {
        if (e instanceof TypeError) {
            return fileProblem(file, `${name} is not UTF-8 text; it was not read`, 'save the file as UTF-8; if it is not a ClusterConfig, make the config patterns match no other file');
        }
        // The system's message names the resolved path: the code says enough.
        return fileProblem(file, `cannot read ${name} (${e.code ?? 'error'})`, 'check that the file is readable');
    }
    finally {
        await handle?.close();
    }
}
/** Throws on bytes that are not UTF-8 (TypeError), where Buffer.toString would replace them. */
const UTF8 = new TextDecoder('utf-8', { fatal: true });
async function loadConfigFiles(patterns, options = {}) {
    const cwd = options.cwd ?? process.cwd();
    const confine = options.confine ?? 'workspace';
    const problems = [];
    if (patterns.length === 0) {
        problems.push(fileProblem('(no files)', 'no config files given', 'pass one or more files or globs with -f'));
    }
    // Each file with the directories it may lead into (several patterns may match it).
    const home = await realDir(cwd);
    const found = new Map();
    for (const pattern of patterns) {
        const outside = confine === 'cli' ? namedDirectoryOutside(pattern, cwd) : undefined;
        const named = outside === undefined ? undefined : await realDir(outside);
        const roots = [home, named].filter((root) => root !== undefined);
        for (const f of await expand(pattern, cwd, roots, confine, problems)) {
            const all = found.get(f) ?? [];
            for (const root of roots)
                if (!all.includes(root))
                    all.push(root);
            found.set(f, all);
        }
    }
    const files = [...found.keys()].sort();
    const texts = await Promise.all(files.map((f) => readConfined(f, cwd, found.get(f) ?? [], confine)));
    const clusters = [];
    const identified = [];
    files.forEach((file, i) => {
        const text = texts[i];
        if (typeof text !== 'string') {
            problems.push(text);
            return;
        }
        const parsed = parseInternal(text, file);
        problems.push(...parsed.problems);
        if (!parsed.raw)
            return;
        if (parsed.raw.identified)
            identified.push(parsed.raw.spec);
        if (!problems_hasErrors(parsed.problems))
            clusters.push(parsed.raw.spec);
    });
    problems.push(...checkAcrossFiles(identified));
    const sorted = sortProblems(problems);
    return problems_hasErrors(sorted) ? { problems: sorted } : { state: { clusters }, problems: sorted };
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


/***/ })

};
