export const id = 71;
export const ids = [71];
export const modules = {

/***/ 71:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  applyFlow: () => (/* binding */ applyFlow)
});

// EXTERNAL MODULE: ./src/plan/counts.ts
var counts = __webpack_require__(2407);
;// CONCATENATED MODULE: ./src/plan/results.ts
// What applying a plan produced, as plain data: the executor fills it in, the renderers and the
// action's outputs read it.
/** Failed tasks across clusters. */
function failedTasks(results) {
    return results.reduce((n, r) => n + r.failed, 0);
}

// EXTERNAL MODULE: ./src/render/apply-results.ts
var apply_results = __webpack_require__(7335);
// EXTERNAL MODULE: ./src/render/plan-text.ts
var plan_text = __webpack_require__(6349);
// EXTERNAL MODULE: ./src/render/problems.ts
var render_problems = __webpack_require__(5394);
// EXTERNAL MODULE: ./src/render/review.ts
var render_review = __webpack_require__(8394);
// EXTERNAL MODULE: ./src/review/fingerprint.ts
var fingerprint = __webpack_require__(336);
// EXTERNAL MODULE: ./src/review/marker.ts
var marker = __webpack_require__(468);
;// CONCATENATED MODULE: ./src/review/verdict.ts
// Apply-time decision: is the recomputed plan the reviewed one (DESIGN §8), and when it is not,
// which tasks differ. Pure: the recomputed plan and the reviewed records in, a verdict out.


const clusterKey = (name, region) => `${region}/${name}`;
/** Lines such as `~ create-association:apps/web changed since review (…)`. */
function explainTaskChanges(reviewed, cluster, salt) {
    if (reviewed === undefined) {
        return [
            'the fingerprint differs (the reviewed comment was too large to record its tasks one by one, so they cannot be compared individually)',
        ];
    }
    const before = new Map(reviewed.map((t) => [t.id, t.hash]));
    const now = new Set(cluster.tasks.map((t) => t.id));
    const lines = [];
    for (const task of cluster.tasks) {
        const hash = before.get(task.id);
        if (hash === undefined) {
            lines.push(`+ ${task.id}: new since review (${task.description}; reason: ${task.reason})`);
        }
        else if (hash !== (0,fingerprint/* taskHash */.UP)(task, salt)) {
            lines.push(`~ ${task.id}: changed since review (now: ${task.description}; reason: ${task.reason})`);
        }
    }
    for (const t of reviewed) {
        if (!now.has(t.id))
            lines.push(`- ${t.id}: reviewed, but no longer in the plan`);
    }
    if (lines.length === 0) {
        lines.push('the same tasks, but their order or dependencies changed');
    }
    return lines;
}
/** Every task of the cluster is one of the reviewed tasks, doing the same work (taskHash). */
function isRemainder(reviewed, cluster, salt) {
    if (reviewed === undefined)
        return false;
    const hashes = new Map(reviewed.map((t) => [t.id, t.hash]));
    return cluster.tasks.every((task) => hashes.get(task.id) === (0,fingerprint/* taskHash */.UP)(task, salt));
}
function compareCluster(cluster, record, basis, salt) {
    const base = { cluster: cluster.cluster, region: cluster.region };
    if (cluster.tasks.length === 0)
        return { ...base, verdict: 'no-changes', differences: [] };
    if (!record) {
        const why = basis.omitted > 0
            ? `cluster "${cluster.cluster}" (${cluster.region}) now has ${cluster.tasks.length} task(s); the reviewed comment left ${basis.omitted} cluster(s) out of its records for room, and the plan as a whole is not the reviewed one`
            : `cluster "${cluster.cluster}" (${cluster.region}) was not in the reviewed plan, which now has ${cluster.tasks.length} task(s)`;
        return { ...base, verdict: 'not-reviewed', differences: [why] };
    }
    if (record.fingerprint === cluster.fingerprint) {
        return { ...base, verdict: 'match', differences: [] };
    }
    if (isRemainder(record.tasks, cluster, salt)) {
        if (basis.remainderAllowed)
            return { ...base, verdict: 'remainder', differences: [] };
        return {
            ...base,
            verdict: 'changed',
            differences: [
                ...explainTaskChanges(record.tasks, cluster, salt),
                'fewer tasks than reviewed, and the plan comment records no earlier apply of this plan that could have done the rest',
            ],
        };
    }
    return {
        ...base,
        verdict: 'changed',
        differences: explainTaskChanges(record.tasks, cluster, salt),
    };
}
function compareWithReviewed(plan, basis, salt) {
    // One comparison settles it when the whole plan is the reviewed one, recorded clusters or not.
    if (basis.fingerprint && basis.fingerprint === (0,marker/* planFingerprint */.an)(plan.clusters)) {
        return {
            matches: true,
            clusters: plan.clusters.map((c) => ({
                cluster: c.cluster,
                region: c.region,
                verdict: c.tasks.length === 0 ? 'no-changes' : 'match',
                differences: [],
            })),
        };
    }
    const byKey = new Map(basis.clusters.map((r) => [clusterKey(r.name, r.region), r]));
    const clusters = plan.clusters.map((cluster) => compareCluster(cluster, byKey.get(clusterKey(cluster.cluster, cluster.region)), basis, salt));
    return {
        matches: clusters.every((c) => ['match', 'remainder', 'no-changes'].includes(c.verdict)),
        clusters,
    };
}
/** Reviewed records from several of our comments: the most recently updated one wins per cluster. */
function mergeReviewed(comments) {
    const sorted = [...comments].sort((a, b) => a.updatedAt.localeCompare(b.updatedAt));
    const byKey = new Map();
    for (const c of sorted)
        for (const r of c.clusters)
            byKey.set(clusterKey(r.name, r.region), r);
    return [...byKey.values()];
}

// EXTERNAL MODULE: ./src/action/config-step.ts
var config_step = __webpack_require__(6565);
// EXTERNAL MODULE: ./src/action/outputs.ts
var outputs = __webpack_require__(8948);
// EXTERNAL MODULE: ./src/action/plan-step.ts + 1 modules
var plan_step = __webpack_require__(8482);
// EXTERNAL MODULE: ./src/action/publish.ts + 5 modules
var publish = __webpack_require__(5936);
// EXTERNAL MODULE: ./src/github/sticky-comment.ts
var sticky_comment = __webpack_require__(7648);
;// CONCATENATED MODULE: ./src/action/reviewed-plan.ts
// Apply mode's look-up of what was reviewed: the merged pull request of the pushed commit and the
// records in our comment(s) on it. Fails closed: a GitHub failure, a comment someone else edited
// and a review of an older head are each told apart from "there is no review" (which a setting
// may allow). The decision itself is review/verdict.ts (pure).



const reviewed_plan_short = (sha) => sha.slice(0, 12);
/** How to get a reviewable plan once the merge's own review cannot be used. */
const NEW_PR = 'Open a new pull request (it may change nothing): its plan shows what is left to do, and is reviewed before it is applied.';
/** Why one of our comments does not bind this merge, if it does not. */
function untrustedComment(c, foreign, pr) {
    if (foreign.length > 0) {
        return {
            reason: 'plan-changed',
            message: `the plan comment was edited by ${foreign.join(', ')}, not only by the action, so it may not be the plan the action wrote; nothing was applied. ${NEW_PR}`,
        };
    }
    if ((0,marker/* bodySha */.Bk)((0,marker/* visibleBody */.FU)(c.comment.body)) !== c.header.bodySha) {
        return {
            reason: 'plan-changed',
            message: `the plan comment was edited after the action wrote it, so what reviewers saw may not be the plan; nothing was applied. ${NEW_PR}`,
        };
    }
    // A plan written once the PR was merged was never reviewed before the merge (a re-run, a late job).
    if (c.header.mode !== 'apply' && pr.mergedAt && c.comment.updatedAt > pr.mergedAt) {
        return {
            reason: 'plan-stale',
            message: `the plan comment was written at ${c.comment.updatedAt}, after the pull request was merged at ${pr.mergedAt}, so nobody reviewed it before the merge; nothing was applied. ${NEW_PR}`,
        };
    }
    if (c.header.headSha !== pr.headSha) {
        return {
            reason: 'plan-stale',
            message: `the plan comment was written for commit ${reviewed_plan_short(c.header.headSha) || 'unknown'}, but the pull request was merged at head ${reviewed_plan_short(pr.headSha)}: the last push was never planned and reviewed; nothing was applied. ${NEW_PR}`,
        };
    }
    return undefined;
}
/** The merged PR of the pushed commit and the reviewed plan recorded in our comment(s) on it. */
async function findReviewedPlan(ctx) {
    const { api, settings } = ctx;
    const none = {
        reviewed: { fingerprint: '', clusters: [], omitted: 0 },
        partlyApplied: false,
        alreadyApplied: false,
    };
    if (!api)
        return { ...none, missing: 'the github-token input is empty' };
    try {
        const pulls = await api.pullsForCommit(settings.sha);
        const merged = pulls.filter((p) => p.merged && p.mergeCommitSha === settings.sha);
        if (merged.length > 1) {
            return {
                ...none,
                lookupFailed: `commit ${reviewed_plan_short(settings.sha)} is the merge commit of ${merged.map((p) => `#${p.number}`).join(' and ')}, so which review it carries is ambiguous; nothing was applied.`,
            };
        }
        const pr = merged[0];
        if (!pr) {
            return {
                ...none,
                missing: `commit ${reviewed_plan_short(settings.sha)} is not the merge commit of a merged pull request`,
            };
        }
        const [login, comments] = await Promise.all([
            api.authenticatedLogin(),
            api.listComments(pr.number),
        ]);
        const authors = (0,sticky_comment/* commentAuthors */.Mo)(login);
        // Comments written by an apply that found no review record nothing: they are no review.
        const ours = (0,sticky_comment/* ourComments */.zu)(comments, {
            authors,
            repo: settings.repository.fullName,
            pr: pr.number,
        }).filter((c) => c.header.mode !== 'apply' || c.header.reviewed.fingerprint !== '');
        if (ours.length === 0) {
            return {
                ...none,
                pr: pr.number,
                missing: `pull request #${pr.number} has no plan comment of ours`,
            };
        }
        const latest = (list) => [...list].sort((a, b) => b.comment.updatedAt.localeCompare(a.comment.updatedAt))[0];
        // A run limited to some clusters (a matrix leg) does not continue another leg's apply record:
        // that one says what became of the other leg's clusters, not of this run's.
        const reviews = settings.clusters.length > 0 ? ours.filter((c) => c.header.mode !== 'apply') : ours;
        const comment = ours.find((c) => c.header.key === settings.commentKey) ?? latest(reviews) ?? latest(ours);
        if (!comment)
            throw new Error('no comment of ours to read');
        // The main comment must bind this merge; another config set's comment that does not is left out
        // (its clusters then count as not reviewed, which refuses them, never the other way round).
        const trusted = [];
        let untrusted;
        for (const c of ours) {
            const problem = untrustedComment(c, await (0,sticky_comment/* foreignEditors */.FT)(api, c, authors), pr);
            if (c === comment)
                untrusted = problem;
            else if (problem)
                ctx.io.info(`Not a review for this merge: comment ${c.comment.id}, ${problem.message}`);
            if (!problem)
                trusted.push(c);
        }
        const reviewed = {
            ...comment.header.reviewed,
            clusters: mergeReviewed(trusted.map((c) => ({
                updatedAt: c.comment.updatedAt,
                clusters: c.header.reviewed.clusters,
            }))),
        };
        // The action records an apply's outcome in this one comment.
        const applied = comment.header.mode === 'apply' ? comment.header.status : undefined;
        return {
            pr: pr.number,
            reviewed,
            comment,
            untrusted,
            partlyApplied: applied === 'apply-failed',
            alreadyApplied: applied === 'applied',
        };
    }
    catch (error) {
        return {
            ...none,
            lookupFailed: `the reviewed plan could not be looked up on GitHub (${error instanceof Error ? error.message : String(error)}); nothing was applied. Re-run the job when GitHub answers again.`,
        };
    }
}

// EXTERNAL MODULE: ./src/action/run-context.ts
var run_context = __webpack_require__(2853);
// EXTERNAL MODULE: ./src/action/settings.ts + 2 modules
var action_settings = __webpack_require__(2111);
;// CONCATENATED MODULE: ./src/action/apply-flow.ts
// `apply` mode (push to the default branch): find the merged PR and our comment on it, recompute the
// plan with the same salt, refuse when it is not the reviewed plan (on-plan-change: fail), apply,
// then record the results in the comment and the job summary.














/** The review gate: an outcome when the plan must not be applied, else the comparison to show. */
async function checkReview(a) {
    const { ctx, record, base, plan, planJson, notes, target } = a;
    const { io, settings } = ctx;
    const untrusted = record.untrusted ??
        (record.alreadyApplied
            ? {
                reason: 'plan-changed',
                message: `the pull request's reviewed plan was already applied in full (its comment records it), so what the plan would do now (changes made since, or undoing a later merge) was never reviewed; nothing was applied. ${NEW_PR}`,
            }
            : undefined);
    if (untrusted) {
        if (settings.onPlanChange === 'fail') {
            const view = {
                ...base,
                status: 'plan-changed',
                plan,
                notes: [untrusted.message],
            };
            await (0,publish/* writeSummary */.S)(ctx, view, planJson);
            return { refused: (0,run_context/* failed */.g)(untrusted.reason, untrusted.message) };
        }
        io.warning(`${untrusted.message} Applying anyway (on-plan-change: apply).`);
    }
    if (record.missing)
        return {};
    const review = compareWithReviewed(plan, { ...record.reviewed, remainderAllowed: record.partlyApplied }, base.salt);
    if (!review.matches) {
        if (settings.onPlanChange === 'fail') {
            const view = { ...base, status: 'plan-changed', plan, review, notes };
            await (0,publish/* writeSummary */.S)(ctx, view, planJson);
            if (record.pr)
                await (0,publish/* publishComment */.p)(ctx, view, target);
            return { refused: (0,run_context/* failed */.g)('plan-changed', (0,render_review/* refusalText */.K)(review)) };
        }
        const note = 'The plan changed since it was reviewed; applying anyway (on-plan-change: apply).';
        io.warning(`${note}\n${(0,render_review/* refusalText */.K)(review)}`);
        notes.push(note);
    }
    else if (review.clusters.some((c) => c.verdict === 'remainder')) {
        const note = 'Only part of the reviewed plan is left to do (an earlier apply did the rest): applying the remaining reviewed tasks.';
        io.info(note);
        notes.push(note);
    }
    else {
        io.info('The recomputed plan is the reviewed plan: applying.');
    }
    return { review };
}
async function applyAndReport(a, engine, review) {
    const { ctx, record, base, plan, planJson, notes, target } = a;
    ctx.io.info(`Applying: ${(0,plan_text/* countsLine */.J7)((0,counts/* countChanges */.xS)(plan))}.`);
    const results = await ctx.io.group('Apply', () => engine.apply(plan));
    const ok = failedTasks(results) === 0 && !plan.clusters.some((c) => c.errors.length > 0);
    const status = ok ? 'applied' : 'apply-failed';
    const view = { ...base, status, plan, results, review, notes };
    await (0,publish/* writeSummary */.S)(ctx, view, planJson);
    if (record.pr)
        await (0,publish/* publishComment */.p)(ctx, view, target);
    if (!ok)
        return (0,run_context/* failed */.g)('apply-failed', `apply failed:\n${(0,apply_results/* failureText */.kY)(results, plan)}`);
    ctx.io.info('All tasks completed successfully.');
    return run_context/* succeeded */.P;
}
/**
 * Where the run records its outcome: the comment it continues, or a new comment of its own when it
 * is limited to some clusters and the review it checks against is another comment's (the report of
 * a matrix fan-out, or a plan of more clusters): legs never overwrite the review or each other.
 */
function outcomeComment(ctx, record) {
    const { settings } = ctx;
    const comment = record.comment;
    if (comment && settings.clusters.length > 0 && comment.header.key !== settings.commentKey)
        return undefined;
    return comment;
}
function baseView(ctx, record, target) {
    const { settings } = ctx;
    return {
        repo: settings.repository.fullName,
        pr: record.pr ?? 0,
        headSha: record.comment?.header.headSha || settings.sha,
        mode: settings.mode,
        key: target?.header.key ?? settings.commentKey,
        reviewed: record.reviewed,
        salt: (0,action_settings/* fingerprintSalt */.r8)(settings.repository.fullName, record.pr),
        runUrl: settings.runUrl,
    };
}
async function applyFlow(ctx) {
    const { io, settings } = ctx;
    const { state, problems } = await (0,config_step.loadConfig)(ctx);
    if (!state) {
        const view = { status: 'invalid-config', problems, mode: 'apply' };
        await (0,publish/* writeSummary */.S)(ctx, { ...view, headSha: settings.sha, runUrl: settings.runUrl });
        return (0,run_context/* failed */.g)('invalid-config', (0,config_step.invalidConfigMessage)(problems));
    }
    const record = await findReviewedPlan(ctx);
    const target = outcomeComment(ctx, record);
    const base = baseView(ctx, record, target);
    const notes = [];
    if (record.lookupFailed) {
        await (0,publish/* writeSummary */.S)(ctx, { ...base, status: 'plan-changed', notes: [record.lookupFailed] });
        return (0,run_context/* failed */.g)('review-lookup-failed', record.lookupFailed);
    }
    if (record.missing) {
        if (settings.requireReviewedPlan) {
            const message = `no reviewed plan found: ${record.missing}; nothing was applied. Merge configuration changes through a pull request whose plan the action commented, or set the input require-reviewed-plan: false to apply without one.`;
            await (0,publish/* writeSummary */.S)(ctx, { ...base, status: 'plan-changed', notes: [message] });
            return (0,run_context/* failed */.g)('plan-not-found', message);
        }
        const note = `No reviewed plan found (${record.missing}); applying the current plan because require-reviewed-plan is false.`;
        io.warning(note);
        notes.push(note);
    }
    let access;
    try {
        access = await (0,plan_step/* credentialsFor */.Og)(ctx, state);
    }
    catch (error) {
        if (!(0,plan_step/* isCredentialsError */.B_)(error))
            throw error;
        await (0,publish/* writeSummary */.S)(ctx, { ...base, status: 'apply-failed', notes: [error.message] });
        return (0,run_context/* failed */.g)('credentials', error.message);
    }
    const { plan, engine } = await (0,plan_step/* computePlan */.Ru)(ctx, state, access, base.salt);
    try {
        const planJson = await (0,plan_step/* writePlanOutputs */.Bv)(ctx, plan, (0,outputs/* planOutputs */.iS)(plan));
        const errors = plan.clusters.flatMap((c) => c.errors);
        if (!(0,counts/* hasChanges */.ik)(plan) && errors.length > 0) {
            const message = `nothing was applied: the plan has ${errors.length} error(s):\n${(0,render_problems/* errorLines */.S6)(errors)}`;
            // 'plan-failed', not 'apply-failed': nothing was applied, so no remainder may follow.
            const view = { ...base, status: 'plan-failed', plan, notes };
            await (0,publish/* writeSummary */.S)(ctx, view, planJson);
            if (record.pr && !record.untrusted)
                await (0,publish/* publishComment */.p)(ctx, view, target);
            return (0,run_context/* failed */.g)('apply-failed', message);
        }
        if (!(0,counts/* hasChanges */.ik)(plan)) {
            io.info('Nothing to apply: the live state matches the configuration.');
            await (0,publish/* writeSummary */.S)(ctx, { ...base, status: 'no-changes', plan, notes }, planJson);
            return run_context/* succeeded */.P;
        }
        const applying = { ctx, record, target, base, plan, planJson, notes };
        const { refused, review } = await checkReview(applying);
        return refused ?? (await applyAndReport(applying, engine, review));
    }
    finally {
        engine.close();
    }
}


/***/ })

};
