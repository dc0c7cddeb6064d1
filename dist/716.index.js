export const id = 716;
export const ids = [716];
export const modules = {

/***/ 716:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   commentFailed: () => (/* binding */ commentFailed),
/* harmony export */   findSticky: () => (/* binding */ findSticky),
/* harmony export */   planFlow: () => (/* binding */ planFlow),
/* harmony export */   planStatus: () => (/* binding */ planStatus),
/* harmony export */   postPlan: () => (/* binding */ postPlan)
/* harmony export */ });
/* harmony import */ var _github_sticky_comment_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7648);
/* harmony import */ var _plan_counts_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(2407);
/* harmony import */ var _render_plan_text_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6349);
/* harmony import */ var _render_problems_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5394);
/* harmony import */ var _config_step_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6565);
/* harmony import */ var _outputs_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8948);
/* harmony import */ var _plan_step_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8482);
/* harmony import */ var _publish_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(5936);
/* harmony import */ var _run_context_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(2853);
/* harmony import */ var _plan_legs_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(4205);
/* harmony import */ var _settings_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(2111);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_10___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_10__);
// `plan` (pull requests) and `check` (drift) modes: config → credentials → plan → log, outputs,
// job summary and (plan on a PR) the sticky comment. No mutating AWS call is made here.












/**
 * Our existing sticky comment for this PR and config set. A failed look-up is an error, not "none":
 * creating a second comment would leave two plans on the PR.
 */
async function findSticky(ctx, pr) {
    if (!ctx.api || !ctx.settings.comment || ctx.settings.pullRequest?.fork)
        return {};
    try {
        const [login, comments] = await Promise.all([
            ctx.api.authenticatedLogin(),
            ctx.api.listComments(pr),
        ]);
        const scope = {
            authors: (0,_github_sticky_comment_js__WEBPACK_IMPORTED_MODULE_0__/* .commentAuthors */ .Mo)(login),
            repo: ctx.settings.repository.fullName,
            pr,
        };
        ctx.io.debug(`PR #${pr}: ${comments.length} comment(s), ${(0,_github_sticky_comment_js__WEBPACK_IMPORTED_MODULE_0__/* .ourComments */ .zu)(comments, scope).length} ours`);
        const sticky = (0,_github_sticky_comment_js__WEBPACK_IMPORTED_MODULE_0__/* .selectStickyComment */ .Pg)(comments, { ...scope, key: ctx.settings.commentKey });
        if (!sticky)
            return {};
        // A comment someone else edited can never be a review again: replace it, do not update it.
        const foreign = await (0,_github_sticky_comment_js__WEBPACK_IMPORTED_MODULE_0__/* .foreignEditors */ .FT)(ctx.api, sticky, scope.authors);
        if (foreign.length === 0)
            return { sticky };
        ctx.io.warning(`The plan comment ${sticky.comment.id} was edited by ${foreign.join(', ')}; it is deleted and the plan posted as a new comment.`);
        await ctx.api.deleteComment(sticky.comment.id);
        return {};
    }
    catch (error) {
        return { error: error instanceof Error ? error.message : String(error) };
    }
}
/** Posts the plan comment; the reason the plan job must fail when it could not be posted. */
async function postPlan(ctx, view, found) {
    if (found.error) {
        ctx.io.warning(`No PR comment: ${found.error}.`);
        return found.error;
    }
    const published = await (0,_publish_js__WEBPACK_IMPORTED_MODULE_6__/* .publishComment */ .p)(ctx, view, found.sticky);
    return 'failed' in published ? published.failed : undefined;
}
const commentFailed = (why) => (0,_run_context_js__WEBPACK_IMPORTED_MODULE_7__/* .failed */ .g)('comment-failed', `the plan could not be posted as the pull request comment (${why}); without it the merge cannot be applied, because the apply job compares with the reviewed plan in that comment. Fix the cause and re-run this job.`);
function planStatus(plan) {
    if (plan.clusters.some((c) => c.errors.length > 0))
        return 'plan-failed';
    return (0,_plan_counts_js__WEBPACK_IMPORTED_MODULE_11__/* .hasChanges */ .ik)(plan) ? 'planned' : 'no-changes';
}
/** A matrix leg's plan, written for the report job, which posts the one comment of all legs. */
async function writeLeg(ctx, plan, pr) {
    const { settings } = ctx;
    const path = (0,node_path__WEBPACK_IMPORTED_MODULE_10__.join)(settings.planDir ?? '', (0,_plan_legs_js__WEBPACK_IMPORTED_MODULE_8__/* .legFileName */ .o8)(settings.commentKey));
    const context = {
        repository: settings.repository.fullName,
        pullRequest: pr.number,
        headSha: pr.headSha,
        salt: (0,_settings_js__WEBPACK_IMPORTED_MODULE_9__/* .fingerprintSalt */ .r8)(settings.repository.fullName, pr.number),
        config: settings.configKey,
    };
    await ctx.io.writeTextFile(path, (0,_plan_legs_js__WEBPACK_IMPORTED_MODULE_8__/* .renderLegFile */ .Vw)(plan, context));
    ctx.io.info(`Plan leg: wrote ${path} for the report job (mode: report posts the one comment of all legs; upload this directory with actions/upload-artifact).`);
}
async function planFlow(ctx) {
    const { io, settings } = ctx;
    const onPr = settings.mode === 'plan' ? settings.pullRequest : undefined;
    // A matrix leg (plan-dir) leaves the comment to the report job.
    const leg = settings.planDir !== undefined ? onPr : undefined;
    const pr = leg ? undefined : onPr;
    const salt = (0,_settings_js__WEBPACK_IMPORTED_MODULE_9__/* .fingerprintSalt */ .r8)(settings.repository.fullName, settings.pullRequest?.number);
    const base = {
        repo: settings.repository.fullName,
        pr: onPr?.number ?? 0,
        headSha: onPr?.headSha || settings.sha,
        mode: settings.mode,
        key: settings.commentKey,
        salt,
        runUrl: settings.runUrl,
    };
    const found = pr ? await findSticky(ctx, pr.number) : {};
    const { state, problems } = await (0,_config_step_js__WEBPACK_IMPORTED_MODULE_3__.loadConfig)(ctx);
    if (!state) {
        const view = { ...base, status: 'invalid-config', problems };
        await (0,_publish_js__WEBPACK_IMPORTED_MODULE_6__/* .writeSummary */ .S)(ctx, view);
        if (pr)
            await postPlan(ctx, view, found);
        return (0,_run_context_js__WEBPACK_IMPORTED_MODULE_7__/* .failed */ .g)('invalid-config', (0,_config_step_js__WEBPACK_IMPORTED_MODULE_3__.invalidConfigMessage)(problems));
    }
    let access;
    try {
        access = await (0,_plan_step_js__WEBPACK_IMPORTED_MODULE_5__/* .credentialsFor */ .Og)(ctx, state);
    }
    catch (error) {
        if (!(0,_plan_step_js__WEBPACK_IMPORTED_MODULE_5__/* .isCredentialsError */ .B_)(error))
            throw error;
        if (error.fork && settings.mode === 'plan') {
            // A fork cannot plan against AWS; say so once and leave the check green.
            io.warning(`No plan for this pull request: ${error.message}`);
            await (0,_publish_js__WEBPACK_IMPORTED_MODULE_6__/* .writeSummary */ .S)(ctx, {
                ...base,
                status: 'no-changes',
                notes: [`No plan was computed: ${error.message}`],
            });
            return _run_context_js__WEBPACK_IMPORTED_MODULE_7__/* .succeeded */ .P;
        }
        await (0,_publish_js__WEBPACK_IMPORTED_MODULE_6__/* .writeSummary */ .S)(ctx, { ...base, status: 'plan-failed', notes: [error.message] });
        return (0,_run_context_js__WEBPACK_IMPORTED_MODULE_7__/* .failed */ .g)('credentials', error.message);
    }
    const { plan, engine } = await (0,_plan_step_js__WEBPACK_IMPORTED_MODULE_5__/* .computePlan */ .Ru)(ctx, state, access, salt);
    engine.close();
    const planJson = await (0,_plan_step_js__WEBPACK_IMPORTED_MODULE_5__/* .writePlanOutputs */ .Bv)(ctx, plan, (0,_outputs_js__WEBPACK_IMPORTED_MODULE_4__/* .planOutputs */ .iS)(plan));
    if (leg)
        await writeLeg(ctx, plan, leg);
    const status = planStatus(plan);
    const view = { ...base, status, plan };
    await (0,_publish_js__WEBPACK_IMPORTED_MODULE_6__/* .writeSummary */ .S)(ctx, view, planJson);
    const notPosted = pr ? await postPlan(ctx, view, found) : undefined;
    const errors = plan.clusters.flatMap((c) => c.errors);
    if (errors.length > 0) {
        return (0,_run_context_js__WEBPACK_IMPORTED_MODULE_7__/* .failed */ .g)('invalid-config', `the plan has ${errors.length} error(s):\n${(0,_render_problems_js__WEBPACK_IMPORTED_MODULE_2__/* .errorLines */ .S6)(errors)}`);
    }
    if (settings.mode === 'check' && (0,_plan_counts_js__WEBPACK_IMPORTED_MODULE_11__/* .hasChanges */ .ik)(plan)) {
        return (0,_run_context_js__WEBPACK_IMPORTED_MODULE_7__/* .failed */ .g)('drift', `drift: the live state differs from the configuration\n${(0,_render_plan_text_js__WEBPACK_IMPORTED_MODULE_1__/* .driftLines */ .$m)(plan).join('\n')}`);
    }
    io.info(`Plan: ${(0,_render_plan_text_js__WEBPACK_IMPORTED_MODULE_1__/* .countsLine */ .J7)((0,_plan_counts_js__WEBPACK_IMPORTED_MODULE_11__/* .countChanges */ .xS)(plan))}.`);
    return notPosted === undefined ? _run_context_js__WEBPACK_IMPORTED_MODULE_7__/* .succeeded */ .P : commentFailed(notPosted);
}


/***/ }),

/***/ 4205:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Vw: () => (/* binding */ renderLegFile),
/* harmony export */   gI: () => (/* binding */ mergeLegs),
/* harmony export */   o8: () => (/* binding */ legFileName)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _review_fingerprint_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(336);
/* harmony import */ var _render_json_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5104);
// Matrix fan-out: what a plan leg writes for the report job (its plan JSON with the review context
// it was planned in), and the report job's merge of the legs' files into one plan, refused whenever
// the files do not make one consistent plan of this pull request's head. Pure: text in, data out.
// The files come from the pull request's own jobs: the merge only makes sure they agree with each
// other and with the report's own context; what binds is the comment the report writes, which
// apply checks against a plan it recomputes (docs/action.md, "Matrix fan-out").



/** A leg's file: its plan JSON (docs/plan-json.md) with the context it was planned in. */
function renderLegFile(plan, context) {
    return `${JSON.stringify({ ...(0,_render_json_js__WEBPACK_IMPORTED_MODULE_2__/* .planJsonDocument */ .pm)(plan), review: context }, null, 2)}\n`;
}
/** A name unique to the leg (its comment key), so downloaded artifacts can share one directory. */
function legFileName(legKey) {
    const id = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(legKey, 'utf8').digest('hex').slice(0, 16);
    return `podid-plan-leg-${id}.json`;
}
const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const isString = (v) => typeof v === 'string';
const isStringArray = (v) => Array.isArray(v) && v.every(isString);
const isObjectArray = (v) => Array.isArray(v) && v.every(isObject);
function isTask(t) {
    return (isObject(t) &&
        ['id', 'kind', 'change', 'target', 'description', 'reason'].every((k) => isString(t[k])) &&
        isStringArray(t.dependsOn) &&
        isObject(t.params));
}
const isProblem = (p) => isObject(p) && isString(p.message);
/** One cluster of a leg's file as a ClusterPlan, or why it is not one. */
function clusterOf(raw, salt) {
    if (!isObject(raw) || !isString(raw.cluster) || !isString(raw.region) || !isString(raw.file))
        return 'a cluster without its name, region or file';
    const name = `cluster "${raw.cluster}" (${raw.region})`;
    const lists = ['tasks', 'errors', 'warnings', 'unmanaged', 'unmanagedAddons', 'notManaged'];
    if (!lists.every((k) => isObjectArray(raw[k])) || typeof raw.unchanged !== 'number')
        return `${name} is not a plan of version 1`;
    if (!raw.tasks.every(isTask))
        return `${name} has a task that is not one`;
    if (![...raw.errors, ...raw.warnings].every(isProblem))
        return `${name} has a problem without a message`;
    const tasks = raw.tasks;
    // What the comment will bind is recomputed here from the tasks it shows, never taken on trust.
    if ((0,_review_fingerprint_js__WEBPACK_IMPORTED_MODULE_1__/* .fingerprint */ .Rj)(tasks, salt) !== raw.fingerprint)
        return `${name}: its fingerprint is not that of its tasks with this pull request's salt (the file was changed, or planned for another pull request)`;
    return {
        cluster: raw.cluster,
        region: raw.region,
        file: raw.file,
        tasks,
        errors: raw.errors,
        warnings: raw.warnings,
        unmanaged: raw.unmanaged,
        unmanagedAddons: raw.unmanagedAddons,
        notManaged: raw.notManaged,
        unchanged: raw.unchanged,
        fingerprint: raw.fingerprint,
    };
}
const CONTEXT_FIELDS = [
    'repository',
    'pullRequest',
    'headSha',
    'salt',
    'config',
];
const FIELD_NAMES = {
    repository: 'repository',
    pullRequest: 'pull request',
    headSha: 'head commit',
    salt: 'fingerprint salt',
    config: 'config set',
};
/**
 * The legs' files as one plan, or every reason they are not one: a file that is not a leg's plan,
 * a leg planned for another head, salt, pull request or config set than the report's, a cluster
 * planned twice, a configured cluster no leg planned, a planned cluster the config does not have.
 */
function mergeLegs(files, expected, configured) {
    const problems = [];
    const clusters = [];
    const seen = new Map();
    if (files.length === 0)
        problems.push('no plan files were found');
    for (const { path, text } of files) {
        let doc;
        try {
            doc = JSON.parse(text);
        }
        catch {
            problems.push(`${path}: not JSON`);
            continue;
        }
        if (!isObject(doc) || doc.version !== 1 || !Array.isArray(doc.clusters)) {
            problems.push(`${path}: not a plan JSON of version 1`);
            continue;
        }
        const review = doc.review;
        if (!isObject(review)) {
            problems.push(`${path}: a plan without its review context (only a plan leg with the plan-dir input writes one)`);
            continue;
        }
        const differs = CONTEXT_FIELDS.filter((k) => review[k] !== expected[k]);
        if (differs.length > 0) {
            problems.push(`${path}: planned for another ${differs.map((k) => `${FIELD_NAMES[k]} (${JSON.stringify(review[k])}, this run: ${JSON.stringify(expected[k])})`).join(', ')}`);
            continue;
        }
        for (const raw of doc.clusters) {
            const cluster = clusterOf(raw, expected.salt);
            if (typeof cluster === 'string') {
                problems.push(`${path}: ${cluster}`);
                continue;
            }
            const key = `${cluster.region}/${cluster.cluster}`;
            const first = seen.get(key);
            if (first !== undefined) {
                problems.push(`cluster "${cluster.cluster}" (${cluster.region}) is planned twice, in ${first} and ${path}: give each matrix leg other clusters`);
                continue;
            }
            seen.set(key, path);
            clusters.push(cluster);
        }
    }
    const wanted = new Set(configured.map((c) => `${c.region}/${c.name}`));
    for (const c of configured) {
        if (!seen.has(`${c.region}/${c.name}`))
            problems.push(`cluster "${c.name}" (${c.region}) has no plan: its leg failed before writing one, or its artifact was not downloaded`);
    }
    for (const c of clusters) {
        if (!wanted.has(`${c.region}/${c.cluster}`))
            problems.push(`cluster "${c.cluster}" (${c.region}) was planned, but the config (at this commit) does not declare it`);
    }
    if (problems.length > 0)
        return { problems };
    // The order a single run plans in: by file, then cluster name.
    clusters.sort((a, b) => a.file === b.file ? a.cluster.localeCompare(b.cluster) : a.file.localeCompare(b.file));
    return { plan: { version: 1, clusters } };
}


/***/ })

};
