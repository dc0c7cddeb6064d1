export const id = 626;
export const ids = [626];
export const modules = {

/***/ 4626:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  migrateFlow: () => (/* binding */ migrateFlow)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/names/addons.ts
var names_addons = __webpack_require__(5605);
;// CONCATENATED MODULE: ./src/config/migrate-rewrite.ts
// `podid migrate -f FILE --write`: a ClusterConfig rewritten into its pod identity form, in place —
// `iam.serviceAccounts` entries become `iam.podIdentityAssociations` naming their existing roles,
// add-ons' IRSA fields become one pod identity association with the add-on's role, and the agent
// is listed when the cluster lacks it. Through the `yaml` Document API, so comments, key order,
// quoting and layout stay; a file already in that form comes back unchanged.


/** An add-on's IRSA-only fields (reference §1.2); none may sit next to podIdentityAssociations. */
const ADDON_IRSA_KEYS = [
    'serviceAccountRoleARN',
    'attachPolicyARNs',
    'attachPolicy',
    'wellKnownPolicies',
    'permissionsBoundary',
];
const migrate_rewrite_text = (node) => (0,dist/* isScalar */.jn)(node) && node.value !== null && node.value !== undefined
    ? String(node.value)
    : undefined;
/** The writer's options that reproduce the file's own layout (sequence indent, flow padding). */
function layoutOf(source) {
    const flushSequences = /^( *)[^\s#-][^\n]*:[ \t]*\n(?:\1[ \t]*#[^\n]*\n)*\1- /m.test(source);
    const padded = /[[{] [^\s\]}]/.test(source.replace(/#[^\n]*/g, ''));
    return { indentSeq: !flushSequences, lineWidth: 0, flowCollectionPadding: padded };
}
function association(doc, namespace, serviceAccountName, roleARN) {
    return doc.createNode({ namespace, serviceAccountName, roleARN });
}
function indexOfKey(map, key) {
    return map.items.findIndex((p) => migrate_rewrite_text(p.key) === key);
}
function migrateServiceAccounts(doc, root, facts, out) {
    const iam = root.get('iam', true);
    if (!(0,dist/* isMap */.jh)(iam))
        return;
    const accounts = iam.get('serviceAccounts', true);
    if (!(0,dist/* isSeq */.oP)(accounts))
        return;
    const existing = iam.get('podIdentityAssociations', true);
    const present = new Set(((0,dist/* isSeq */.oP)(existing) ? existing.items : [])
        .filter(dist/* isMap */.jh)
        .map((p) => `${migrate_rewrite_text(p.get('namespace', true))}/${migrate_rewrite_text(p.get('serviceAccountName', true))}`));
    const moved = [];
    accounts.items = accounts.items.filter((item, i) => {
        if (!(0,dist/* isMap */.jh)(item))
            return true;
        const meta = item.get('metadata', true);
        const name = (0,dist/* isMap */.jh)(meta) ? migrate_rewrite_text(meta.get('name', true)) : undefined;
        const namespace = ((0,dist/* isMap */.jh)(meta) ? migrate_rewrite_text(meta.get('namespace', true)) : undefined) || 'default';
        if (!name)
            return true;
        const key = `${namespace}/${name}`;
        const where = `iam.serviceAccounts[${i}] (${key})`;
        if (present.has(key)) {
            out.changes.push(`${where}: removed; iam.podIdentityAssociations already has ${key}`);
            return false;
        }
        const addon = facts.addonServiceAccounts[key];
        if (addon) {
            out.kept.push(`${where}: its role is addon ${addon}'s, which moves to pod identity with the add-on; left as it is`);
            return true;
        }
        const role = facts.serviceAccountRoles[key] ?? migrate_rewrite_text(item.get('attachRoleARN', true));
        if (!role) {
            out.kept.push(`${where}: no IAM role found for it on the cluster; left as it is`);
            return true;
        }
        const pia = association(doc, namespace, name, role);
        // A comment above the first entry is the list's own in the Document; it belongs to the entry.
        if (item === accounts.items[0] && accounts.commentBefore && !item.commentBefore) {
            item.commentBefore = accounts.commentBefore;
            accounts.commentBefore = undefined;
        }
        if (item.commentBefore)
            pia.commentBefore = item.commentBefore;
        if (item.comment)
            pia.comment = item.comment;
        moved.push(pia);
        present.add(key);
        out.changes.push(`${where} → iam.podIdentityAssociations with roleARN ${role}`);
        return false;
    });
    if (moved.length === 0 && accounts.items.length > 0)
        return;
    let at = indexOfKey(iam, 'serviceAccounts');
    if (accounts.items.length === 0) {
        const [pair] = iam.items.splice(at, 1);
        // The key's own comment stays with the list the entries went to.
        if ((0,dist/* isScalar */.jn)(pair.key) && pair.key.commentBefore && moved.length > 0) {
            moved[0].commentBefore = [pair.key.commentBefore, moved[0].commentBefore]
                .filter(Boolean)
                .join('\n');
        }
    }
    else
        at += 1;
    if (moved.length === 0)
        return;
    if ((0,dist/* isSeq */.oP)(existing))
        existing.items.push(...moved);
    else {
        const seq = new dist/* YAMLSeq */.Rw();
        seq.items.push(...moved);
        iam.items.splice(at, 0, new dist/* Pair */.Rm(new dist/* Scalar */.X5('podIdentityAssociations'), seq));
    }
}
function migrateAddons(doc, root, facts, out) {
    const addons = root.get('addons', true);
    if (!(0,dist/* isSeq */.oP)(addons))
        return;
    addons.items.forEach((item, i) => {
        if (!(0,dist/* isMap */.jh)(item))
            return;
        const name = migrate_rewrite_text(item.get('name', true)) ?? '';
        const irsa = item.items.filter((p) => ADDON_IRSA_KEYS.includes(migrate_rewrite_text(p.key) ?? ''));
        const found = facts.addons[name];
        // An add-on the file lists without IRSA fields may still run on an IRSA role (eksctl create
        // cluster gives vpc-cni one): it migrates too.
        if (irsa.length === 0 && (!found || item.has('podIdentityAssociations')))
            return;
        const where = `addons[${i}] (${name})`;
        if (item.has('podIdentityAssociations')) {
            out.kept.push(`${where}: has both IRSA fields and podIdentityAssociations; fix it by hand`);
            return;
        }
        if (!found || !found.namespace) {
            const why = facts.addonReasons[name] ??
                'no IRSA role of it that can move to pod identity was found on the cluster';
            out.kept.push(`${where}: ${why}; left on IRSA`);
            return;
        }
        const at = irsa.length > 0 ? item.items.indexOf(irsa[0]) : item.items.length;
        const fields = irsa.map((p) => migrate_rewrite_text(p.key)).join(', ') || 'its live IRSA role';
        item.items = item.items.filter((p) => !irsa.includes(p));
        const seq = new dist/* YAMLSeq */.Rw();
        seq.items.push(association(doc, found.namespace, found.serviceAccount, found.roleArn));
        const pair = new dist/* Pair */.Rm(new dist/* Scalar */.X5('podIdentityAssociations'), seq);
        if (irsa.length > 0 && (0,dist/* isScalar */.jn)(irsa[0].key) && irsa[0].key.commentBefore) {
            pair.key.commentBefore = irsa[0].key.commentBefore;
        }
        item.items.splice(at, 0, pair);
        out.changes.push(`${where}: ${fields} → podIdentityAssociations (${found.namespace}/${found.serviceAccount} with roleARN ${found.roleArn})`);
    });
}
/** The agent first in `addons` (eksctl creates it first), when the cluster lacks it. */
function listAgent(doc, root, out) {
    const found = root.get('addons', true);
    const named = (a) => (0,dist/* isMap */.jh)(a) && migrate_rewrite_text(a.get('name', true)) === names_addons/* AGENT_ADDON */.t;
    if ((0,dist/* isSeq */.oP)(found) && found.items.some(named))
        return;
    let addons;
    if ((0,dist/* isSeq */.oP)(found))
        addons = found;
    else {
        addons = new dist/* YAMLSeq */.Rw();
        const at = indexOfKey(root, 'addons'); // `addons:` with no list yet
        if (at >= 0)
            root.items[at].value = addons;
        else
            root.items.push(new dist/* Pair */.Rm(new dist/* Scalar */.X5('addons'), addons));
    }
    addons.items.unshift(doc.createNode({ name: names_addons/* AGENT_ADDON */.t }));
    out.changes.push(`addons: ${names_addons/* AGENT_ADDON */.t} added (pod identity needs it and the cluster does not run it)`);
}
function rewriteForPodIdentity(source, facts) {
    const out = { text: source, changes: [], kept: [] };
    const doc = (0,dist/* parseDocument */.Tp)(source);
    if (doc.errors.length > 0 || !(0,dist/* isMap */.jh)(doc.contents))
        return out;
    const root = doc.contents;
    migrateServiceAccounts(doc, root, facts, out);
    migrateAddons(doc, root, facts, out);
    if (out.changes.length === 0)
        return out;
    if (!facts.agentInstalled)
        listAgent(doc, root, out);
    out.text = doc.toString(layoutOf(source));
    return out;
}

// EXTERNAL MODULE: ./src/names/kubernetes.ts
var kubernetes = __webpack_require__(7582);
// EXTERNAL MODULE: ./src/names/stack-names.ts
var stack_names = __webpack_require__(5737);
;// CONCATENATED MODULE: ./src/plan/migration-discovery.ts
// What eksctl's `utils migrate-to-pod-identity` decides from what it reads (reference §7.2), over
// plain data: which annotated service accounts and which add-ons migrate, whose roles are owned by
// an eksctl stack, which service account an add-on's role is for (the walk over its trust policy),
// and every skip, in eksctl's words. state/irsa-discovery.ts does the reading.


/**
 * eksctl's `RoleNameFromARN`: the resource must be exactly `role/<name>` (paths are not supported
 * by the migration; eksctl fails the same way).
 */
function roleNameOfArn(arn) {
    const resource = arn.split(':').slice(5).join(':');
    const parts = resource.split('/');
    if (parts.length !== 2)
        throw new Error(`invalid format for role ARN "${arn}"`);
    if (parts[0] !== 'role') {
        throw new Error(`expected resource type to be "role"; got "${parts[0]}" in "${arn}"`);
    }
    return parts[1];
}
/** Add-ons by the IRSA role they run with (eksctl's "addon service account role mapper"). */
function addonsByRole(addons) {
    const byRole = new Map();
    for (const addon of addons) {
        if (addon.serviceAccountRoleArn)
            byRole.set(addon.serviceAccountRoleArn, addon);
    }
    return byRole;
}
/**
 * The annotated service accounts that migrate, in Kubernetes' list order; one whose role is an
 * add-on's is the add-on's business and skipped. Any annotated service account counts, not only
 * the ones eksctl created.
 */
function serviceAccountMigrations(serviceAccounts, addonRoles, stacks) {
    const stackByRole = new Map(stacks.map((s) => [s.roleArn, s.stackName]));
    const log = [];
    const value = [];
    for (const sa of serviceAccounts) {
        const roleArn = sa.annotations[kubernetes/* IRSA_ROLE_ANNOTATION */.nR];
        if (roleArn === undefined)
            continue;
        const addon = addonRoles.get(roleArn);
        if (addon) {
            log.push(`found IAM role for service account ${sa.name} associated with EKS addon ${addon.name}`);
            continue;
        }
        log.push(`found IAM role for service account ${sa.namespace}/${sa.name}`);
        const stackName = stackByRole.get(roleArn);
        value.push({
            namespace: sa.namespace,
            serviceAccount: sa.name,
            roleArn,
            roleName: roleNameOfArn(roleArn),
            ...(stackName ? { stackName } : {}),
        });
    }
    return { value, log };
}
/** Why an add-on is not looked at further, before its role is read; undefined: go on. */
function addonSkipBeforeRole(addon, podIdentity) {
    if (addon.podIdentityAssociations.length > 0) {
        return `addon ${addon.name} is already using pod identity; skipping migration to pod identity`;
    }
    if (podIdentity !== undefined && podIdentity.length === 0) {
        return `addon ${addon.name} does not support pod identity; skipping migration to pod identity`;
    }
    return undefined;
}
const willMigrateAddon = (addon) => `will migrate addon ${addon.name} with serviceAccountRoleARN "${addon.serviceAccountRoleArn ?? ''}" to pod identity; OIDC provider trust relationship will also be removed`;
const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
/**
 * eksctl's walk over an add-on role's trust policy: statements in order; one without a Condition
 * ends the walk with nothing found; the first `StringEquals` key ending in `:sub` whose value is a
 * `system:serviceaccount:` subject names the service account.
 */
function subjectFromTrust(trustPolicy) {
    const statements = isObject(trustPolicy) ? trustPolicy.Statement : undefined;
    const list = Array.isArray(statements)
        ? statements
        : statements === undefined
            ? []
            : [statements];
    for (const statement of list.filter(isObject)) {
        const condition = statement.Condition;
        if (!isObject(condition) || Object.keys(condition).length === 0) {
            return {
                value: undefined,
                log: ['no IAM statements for IRSA found; skipping migration to pod identity'],
            };
        }
        const equals = condition.StringEquals;
        if (!isObject(equals))
            continue;
        for (const [key, value] of Object.entries(equals)) {
            if (!key.endsWith(':sub') || typeof value !== 'string')
                continue;
            if (!value.startsWith('system:serviceaccount:'))
                continue;
            const parts = value.split(':');
            if (parts.length !== 4) {
                throw new Error(`unexpected format "${value}" for service account subject`);
            }
            return { value: { namespace: parts[2], serviceAccount: parts[3] }, log: [] };
        }
    }
    return { value: undefined, log: [] };
}
/**
 * The add-on's service account: the trust policy's subject, else the add-on's only pod identity
 * service account; undefined (with eksctl's skip line) when it has several.
 */
function addonServiceAccount(addonName, trustPolicy, podIdentity) {
    const walked = subjectFromTrust(trustPolicy);
    if (walked.value)
        return walked;
    const log = [...walked.log];
    if (podIdentity.length !== 1) {
        log.push(`cannot choose a service account as addon ${addonName} supports pod identity for multiple service accounts; skipping migration to pod identity`);
        return { value: undefined, log };
    }
    const serviceAccount = podIdentity[0].serviceAccount;
    log.push(`could not find service account to use for addon ${addonName} from existing IAM role; defaulting to ${serviceAccount}`);
    return { value: { serviceAccount }, log };
}
/**
 * eksctl's discovery over what was read: no OIDC provider, nothing (a warning); else the annotated
 * service accounts, then each add-on with a service-account role, every decision logged.
 */
function decideMigration(irsa) {
    if (!irsa.oidcProvider) {
        return {
            serviceAccounts: [],
            addons: [],
            skippedAddons: {},
            log: [{ warning: true, line: MIGRATION_MESSAGES.noOidcProvider }],
        };
    }
    const accounts = serviceAccountMigrations(irsa.serviceAccounts, addonsByRole(irsa.addons), irsa.irsaStacks);
    const log = accounts.log.map((line) => ({ line }));
    const addons = [];
    const skippedAddons = {};
    for (const addon of irsa.addons) {
        try {
            const decided = addonMigration(irsa, addon);
            log.push(...decided.log.map((line) => ({ line })));
            if (decided.value)
                addons.push(decided.value);
            else
                skippedAddons[addon.name] = decided.log[decided.log.length - 1] ?? '';
        }
        catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            throw new Error(`error migrating addons to use pod identity: migrating addon ${addon.name}: ${message}`, { cause: error });
        }
    }
    return { serviceAccounts: accounts.value, addons, skippedAddons, log };
}
function addonMigration(irsa, addon) {
    const podIdentity = irsa.addonPodIdentity[addon.name];
    const skip = addonSkipBeforeRole(addon, podIdentity ?? []);
    if (skip)
        return { value: undefined, log: [skip] };
    const log = [willMigrateAddon(addon)];
    const roleArn = addon.serviceAccountRoleArn ?? '';
    const roleName = roleNameOfArn(roleArn);
    const role = irsa.roles[roleArn];
    if (!role) {
        throw new Error(`extracting service account from role ${roleArn}: NoSuchEntity: The role with name ${roleName} cannot be found.`);
    }
    let chosen;
    try {
        chosen = addonServiceAccount(addon.name, role.assumeRolePolicy, podIdentity ?? []);
    }
    catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        throw new Error(`extracting service account from role ${roleArn}: ${message}`, {
            cause: error,
        });
    }
    log.push(...chosen.log);
    if (!chosen.value)
        return { value: undefined, log };
    const stackName = (0,stack_names/* addonIrsaStackName */.VS)(irsa.cluster, addon.name);
    const namespace = chosen.value.namespace ?? irsa.addonNamespaces[addon.name];
    return {
        value: {
            addon: addon.name,
            version: addon.version,
            ...(addon.configurationValues !== undefined
                ? { configurationValues: addon.configurationValues }
                : {}),
            roleArn,
            roleName,
            serviceAccount: chosen.value.serviceAccount,
            ...(namespace ? { namespace } : {}),
            ...(irsa.stackNames.includes(stackName) ? { stackName } : {}),
        },
        log,
    };
}
/** eksctl's messages around the whole discovery. */
const MIGRATION_MESSAGES = {
    noOidcProvider: 'no IAM OIDC provider associated with cluster, hence no iamserviceaccounts to be migrated',
    nothingToMigrate: 'no iamserviceaccounts or addons found to migrate to pod identity',
    planWarning: "no changes were applied, run again with '--approve' to apply the changes",
    allSkipped: 'all tasks were skipped',
    allCompleted: 'all tasks were completed successfully',
};

// EXTERNAL MODULE: ./src/config/model.ts
var model = __webpack_require__(615);
// EXTERNAL MODULE: ./src/names/tags.ts
var tags = __webpack_require__(9311);
;// CONCATENATED MODULE: ./src/plan/migration-desired.ts
// `podid migrate --cluster`: what was discovered on IRSA, said as the desired state the planner
// already knows (associations naming the existing roles, add-ons at their current version with
// their role as a pod identity association, the agent when missing), so migration goes through
// the same planner and executor as `plan` and `apply`. Only the migration's own tasks are kept.




/** Problems about the discovered state point at the cluster, not at a file line (line 0). */
const migrationSource = (cluster) => `cluster "${cluster}"`;
function migration_desired_association(namespace, serviceAccountName, roleARN, location) {
    return {
        namespace,
        serviceAccountName,
        roleARN,
        createServiceAccount: false,
        permissionPolicyARNs: [],
        wellKnownPolicies: noWellKnownPolicies(),
        tags: {},
        location,
    };
}
function addon(name, location, fields) {
    return {
        name,
        useDefaultPodIdentityAssociations: false,
        attachPolicyARNs: [],
        wellKnownPolicies: noWellKnownPolicies(),
        tags: {},
        location,
        ...fields,
    };
}
function migrationSpec(facts) {
    const location = { file: migrationSource(facts.cluster), line: 0, column: 0 };
    const addons = facts.addons.map((a) => addon(a.addon, location, {
        version: a.version,
        ...(a.configurationValues ? { configurationValues: a.configurationValues } : {}),
        podIdentityAssociations: [
            migration_desired_association(a.namespace ?? '', a.serviceAccount, a.roleArn, location),
        ],
    }));
    const needsAgent = !facts.agentInstalled && facts.serviceAccounts.length + addons.length > 0;
    return {
        file: location.file,
        name: facts.cluster,
        region: facts.region,
        tags: {},
        annotations: {},
        withOIDC: true,
        autoModeEnabled: false,
        podIdentityAssociations: facts.serviceAccounts.map((sa) => migration_desired_association(sa.namespace, sa.serviceAccount, sa.roleArn, location)),
        serviceAccounts: [],
        addons: [...(needsAgent ? [addon(AGENT_ADDON, location, {})] : []), ...addons],
        addonsConfig: { autoApplyPodIdentityAssociations: false, disableDefaultAddons: false },
        notManaged: [],
        location,
    };
}
/**
 * The migration does not adopt: tag tasks (the owner tag on an add-on it migrates) are left to a
 * later `plan` of a config that lists the add-on. Dependencies on them go too.
 */
function migrationPlan(plan) {
    const keep = (t) => t.kind !== 'tag-addon' && t.kind !== 'tag-association';
    const kept = plan.tasks.filter(keep);
    const ids = new Set(kept.map((t) => t.id));
    return {
        ...plan,
        tasks: kept.map((t) => ({ ...t, dependsOn: t.dependsOn.filter((id) => ids.has(id)) })),
    };
}
/**
 * What `migrate -f FILE` writes into the file: each iamserviceaccount's role (the one its pods run
 * with, from the annotation; else its eksctl stack's `Role1`), each add-on's association, and why
 * the others stay on IRSA.
 */
function rewriteFacts(irsa, decision) {
    const serviceAccountRoles = {};
    const addonServiceAccounts = {};
    const addonRoles = addonsByRole(irsa.addons);
    for (const stack of irsa.irsaStacks) {
        const addon = addonRoles.get(stack.roleArn);
        if (addon)
            addonServiceAccounts[stack.serviceAccount] = addon.name;
        else
            serviceAccountRoles[stack.serviceAccount] = stack.roleArn;
    }
    for (const sa of decision.serviceAccounts) {
        serviceAccountRoles[(0,tags/* associationKey */.nU)(sa.namespace, sa.serviceAccount)] = sa.roleArn;
    }
    const addons = {};
    for (const a of decision.addons) {
        addons[a.addon] = {
            serviceAccount: a.serviceAccount,
            roleArn: a.roleArn,
            ...(a.namespace ? { namespace: a.namespace } : {}),
        };
    }
    return {
        serviceAccountRoles,
        addons,
        addonReasons: decision.skippedAddons,
        addonServiceAccounts,
        agentInstalled: irsa.agentInstalled,
    };
}

;// CONCATENATED MODULE: ./src/engine/migrate.ts
// Migration steps shared by the CLI (`podid migrate -f`) and the action (`mode: migrate`): read what
// the file's cluster runs on IRSA and rewrite the file into its pod identity form. Read-only
// against AWS; the only write is the file, and only when asked.




async function discoverMigration(engine, cluster, region) {
    const irsa = await engine.readIrsa(cluster, region);
    return { irsa, decision: decideMigration(irsa) };
}
/**
 * Discovers the file's cluster and rewrites the file (in place only with `write`); `path` is where
 * the file is when `spec.file` is relative to another directory (the action's workspace).
 */
async function migrateConfigFile(engine, spec, options) {
    const discovered = await discoverMigration(engine, spec.name, spec.region);
    const path = options.path ?? spec.file;
    // No IAM OIDC provider, no IRSA (eksctl stops there too): the file stays as it is.
    if (!discovered.irsa.oidcProvider) {
        return { ...discovered, file: spec.file, changed: false, changes: [], kept: [] };
    }
    const source = await (0,promises_.readFile)(path, 'utf8');
    const result = rewriteForPodIdentity(source, rewriteFacts(discovered.irsa, discovered.decision));
    const changed = result.text !== source;
    if (changed && options.write)
        await (0,promises_.writeFile)(path, result.text);
    return { ...discovered, file: spec.file, changed, changes: result.changes, kept: result.kept };
}

// EXTERNAL MODULE: ./src/render/escape.ts
var render_escape = __webpack_require__(7789);
;// CONCATENATED MODULE: ./src/render/migrate-summary.ts
// The job summary of the action's `mode: migrate`: per config file, what discovery found on the
// cluster (eksctl's lines), what the rewrite moved to pod identity and what stays on IRSA.

const items = (lines) => lines.map((l) => `- ${(0,render_escape/* escapeMarkdown */.FV)(l)}`);
function renderMigrateSummary(files) {
    const changed = files.filter((f) => f.changes.length > 0);
    const out = ['## podid migrate: IRSA to pod identity', ''];
    for (const f of files) {
        out.push(`### ${(0,render_escape/* escapeMarkdown */.FV)(f.file)}: cluster ${(0,render_escape/* escapeMarkdown */.FV)(f.cluster)} (${(0,render_escape/* escapeMarkdown */.FV)(f.region)})`, '');
        if (f.found.length > 0) {
            out.push('Found on the cluster:', '', ...items(f.found.map((l) => (l.warning ? `⚠️ ${l.line}` : l.line))), '');
        }
        if (f.changes.length > 0)
            out.push('Rewritten:', '', ...items(f.changes), '');
        else
            out.push('Nothing to rewrite: the file is already in pod identity form.', '');
        if (f.kept.length > 0)
            out.push('Left on IRSA:', '', ...items(f.kept), '');
    }
    out.push(changed.length > 0
        ? `${changed.length} file(s) rewritten (output \`changed-files\`): open a pull request and review the migrate tasks in its plan comment; nothing was changed in AWS.`
        : 'No file changed; nothing was changed in AWS.');
    return `${out.join('\n')}\n`;
}

// EXTERNAL MODULE: ./src/action/config-step.ts
var config_step = __webpack_require__(6565);
// EXTERNAL MODULE: ./src/action/outputs.ts
var outputs = __webpack_require__(8948);
// EXTERNAL MODULE: ./src/action/plan-step.ts + 1 modules
var plan_step = __webpack_require__(8482);
// EXTERNAL MODULE: ./src/action/run-context.ts
var run_context = __webpack_require__(2853);
;// CONCATENATED MODULE: ./src/action/migrate-flow.ts
// `mode: migrate` (for workflow_dispatch): each config file's cluster is read for IRSA with the
// (read-only) role, and the file rewritten in the workspace into its pod identity form. The summary
// says what was found and changed, the `changed-files` output lists the files for the next step
// (e.g. a create-pull-request action). Never a mutating AWS call: the pull request's plan and
// merge do the migration.







async function migrateFlow(ctx) {
    const { io, settings } = ctx;
    io.setOutput(outputs/* Outputs */.tY.changedFiles, '');
    const { state, problems } = await (0,config_step.loadConfig)(ctx);
    if (!state)
        return (0,run_context/* failed */.g)('invalid-config', (0,config_step.invalidConfigMessage)(problems));
    let credentials;
    try {
        credentials = await (0,plan_step/* credentialsFor */.Og)(ctx, state);
    }
    catch (error) {
        if (!(0,plan_step/* isCredentialsError */.B_)(error))
            throw error;
        return (0,run_context/* failed */.g)('credentials', error.message);
    }
    const engine = ctx.createEngine(credentials);
    const files = [];
    try {
        for (const spec of state.clusters) {
            const result = await io.group(`Migrate ${spec.file} (cluster ${spec.name})`, async () => {
                const migrated = await migrateConfigFile(engine, spec, {
                    write: true,
                    path: (0,external_node_path_.resolve)(settings.workspace, spec.file),
                });
                for (const l of migrated.decision.log)
                    io.info(`${l.warning ? '[!]' : '[ℹ]'}  ${l.line}`);
                for (const change of migrated.changes)
                    io.info(`${spec.file}: ${change}`);
                for (const kept of migrated.kept)
                    io.info(`${spec.file}: kept: ${kept}`);
                return migrated;
            });
            files.push({
                file: spec.file,
                cluster: spec.name,
                region: spec.region,
                found: result.decision.log,
                changes: result.changed ? result.changes : [],
                kept: result.kept,
            });
        }
    }
    finally {
        engine.close();
    }
    const changed = files.filter((f) => f.changes.length > 0).map((f) => f.file);
    io.setOutput(outputs/* Outputs */.tY.changedFiles, changed.join('\n'));
    await io.appendSummary(renderMigrateSummary(files));
    io.info(changed.length > 0
        ? `migrate: ${changed.length} file(s) rewritten: ${changed.join(', ')}`
        : 'migrate: no file changed');
    return run_context/* succeeded */.P;
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
