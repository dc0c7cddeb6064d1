export const id = 936;
export const ids = [936];
export const modules = {

/***/ 5936:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  p: () => (/* binding */ publishComment),
  S: () => (/* binding */ writeSummary)
});

// EXTERNAL MODULE: ./src/github/sticky-comment.ts
var sticky_comment = __webpack_require__(7648);
// EXTERNAL MODULE: ./src/plan/counts.ts
var plan_counts = __webpack_require__(2407);
// EXTERNAL MODULE: ./src/review/marker.ts
var marker = __webpack_require__(468);
// EXTERNAL MODULE: ./src/render/apply-results.ts
var apply_results = __webpack_require__(7335);
;// CONCATENATED MODULE: ./src/render/budget.ts
// A text builder with a hard UTF-8 byte budget, so a comment can never exceed GitHub's limit:
// every addition is checked against what must still follow it (closing fences, notes, footer).
const byteLength = (text) => Buffer.byteLength(text, 'utf8');
class BudgetedText {
    limit;
    lines = [];
    used = 0;
    constructor(limit) {
        this.limit = limit;
    }
    /** Bytes still free if `reserve` more bytes must fit after what is added next. */
    free(reserve = 0) {
        return this.limit - this.used - reserve;
    }
    /** Adds the lines when they fit with `reserve` bytes to spare; false (nothing added) otherwise. */
    tryAdd(lines, reserve = 0) {
        const cost = lines.reduce((n, l) => n + byteLength(l) + 1, 0);
        if (cost > this.free(reserve))
            return false;
        this.lines.push(...lines);
        this.used += cost;
        return true;
    }
    /**
     * Adds as many of `lines` as fit while keeping `reserve` bytes free; returns how many were left
     * out. Lines are kept whole, so truncation never splits a character or a value.
     */
    addWhileFits(lines, reserve) {
        for (let i = 0; i < lines.length; i++) {
            if (!this.tryAdd([lines[i]], reserve))
                return lines.length - i;
        }
        return 0;
    }
    toString() {
        return this.lines.join('\n');
    }
}
/** The first `limit` bytes of `text`, cut at a line end, with `note` appended (for the job summary). */
function truncateBytes(text, limit, note) {
    if (byteLength(text) <= limit)
        return text;
    const lines = text.split('\n');
    const out = new BudgetedText(limit);
    const reserve = byteLength(note(lines.length)) + 2;
    const omitted = out.addWhileFits(lines, reserve);
    out.tryAdd(['', note(omitted)]);
    return out.toString();
}

// EXTERNAL MODULE: ./src/render/escape.ts
var render_escape = __webpack_require__(7789);
;// CONCATENATED MODULE: ./src/render/cluster-table.ts
// The per-cluster table that opens the PR comment and the job summary: one row per cluster with its
// region, what the plan creates, updates, deletes and adopts, and its errors. Long lists are cut to a
// fixed number of rows (the comment has a byte budget; the sections below name every cluster).


/** Rows shown before "… and N more": 50 rows of the longest names stay under 12 KB. */
const CLUSTER_TABLE_MAX_ROWS = 50;
const HEAD = [
    '| cluster | region | create | update | delete | adopt | errors |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: |',
];
/** Escaped for a table cell (escapeMarkdown also escapes the `|` that would end the cell). */
const cell = render_escape/* escapeMarkdown */.FV;
function clusterTableLines(plan, maxRows = CLUSTER_TABLE_MAX_ROWS) {
    if (plan.clusters.length === 0)
        return [];
    const rows = plan.clusters.slice(0, maxRows).map((c) => {
        const n = (0,plan_counts/* countClusterChanges */.$c)(c);
        const errors = c.errors.length > 0 ? `**${c.errors.length}**` : '0';
        return `| ${cell(c.cluster)} | ${cell(c.region)} | ${n.create} | ${n.update} | ${n.delete} | ${n.adopt} | ${errors} |`;
    });
    const more = plan.clusters.length - rows.length;
    const tail = more > 0 ? [`| … and ${more} more cluster(s) | | | | | | |`] : [];
    return [...HEAD, ...rows, ...tail, ''];
}

// EXTERNAL MODULE: ./src/render/plan-text.ts
var plan_text = __webpack_require__(6349);
// EXTERNAL MODULE: ./src/render/problems.ts
var render_problems = __webpack_require__(5394);
// EXTERNAL MODULE: ./src/render/review.ts
var review = __webpack_require__(8394);
// EXTERNAL MODULE: ./src/render/task-lines.ts
var task_lines = __webpack_require__(6781);
// EXTERNAL MODULE: ./src/render/task-tree.ts
var task_tree = __webpack_require__(8044);
;// CONCATENATED MODULE: ./src/render/comment.ts
// The sticky PR comment's body: the hidden header, a status title, counts, the destroy warning, the
// review differences or apply results, then one <details> per cluster with the diff lines and the
// eksctl task tree. Hard budget of 60,000 UTF-8 bytes (GitHub refuses 65,536 characters) with an
// explicit "… N more lines" note and a link to the run, whose job summary holds the full plan.
// Every user-controlled string is escaped or sits in a fence it cannot close.











const COMMENT_BUDGET_BYTES = 60_000;
const problemItems = (problems) => problems.map((p) => (0,render_problems/* problemItem */.Dk)(p, { severityIcon: true }));
/** The eksctl task tree is shown for clusters with at most this many tasks (the log always has it). */
const TREE_MAX_TASKS = 40;
/** Room for the "… and N more cluster(s)" line. */
const MORE_CLUSTERS_BYTES = 80;
/** What the table leaves for the rest of the comment (counts, results, a stub per cluster), at most
 * half of what is free. */
const TABLE_RESERVE_BYTES = 20_000;
const TITLES = {
    planned: '📋 Pod Identity plan',
    'no-changes': '✅ Pod Identity plan: no changes',
    'plan-failed': '❌ Pod Identity plan has errors',
    'invalid-config': '❌ Pod Identity configuration is invalid',
    'plan-changed': '🚫 Not applied: the plan changed since it was reviewed',
    applied: '✅ Pod Identity plan applied',
    'apply-failed': '❌ Pod Identity apply failed',
};
const moreLines = (n, runUrl) => `… ${n} more line(s); full plan in the job summary: ${runUrl}`;
/** Adds `lines` in a code fence, truncated to what fits before `reserve`; the fence always closes. */
function addFenced(out, lines, lang, reserve, runUrl) {
    const fence = (0,render_escape/* fenceFor */.Lt)(lines);
    const note = moreLines(lines.length, runUrl);
    const closing = byteLength(fence) + byteLength(note) + 4;
    if (!out.tryAdd([`${fence}${lang}`], reserve + closing + 80))
        return false;
    const omitted = out.addWhileFits(lines, reserve + closing);
    out.tryAdd([fence]);
    if (omitted > 0)
        out.tryAdd(['', moreLines(omitted, runUrl)]);
    return true;
}
function addList(out, lines, reserve, runUrl) {
    const noteBytes = byteLength(moreLines(lines.length, runUrl)) + 2;
    const omitted = out.addWhileFits(lines, reserve + noteBytes);
    if (omitted > 0)
        out.tryAdd([moreLines(omitted, runUrl)]);
    out.tryAdd(['']);
}
function clusterLabel(c) {
    const counts = (0,plan_counts/* countClusterChanges */.$c)(c);
    const errors = c.errors.length > 0 ? ` · ${c.errors.length} error(s)` : '';
    return `<b>${(0,render_escape/* escapeMarkdown */.FV)(c.cluster)}</b> (${(0,render_escape/* escapeMarkdown */.FV)(c.region)}): ${(0,plan_text/* countsLine */.J7)(counts)} · ${c.unchanged} unchanged${errors}`;
}
const stubLine = (c) => `- ${clusterLabel(c)} — not shown here (comment size limit); see the job summary`;
function addCluster(out, c, reserve, runUrl) {
    const diff = c.tasks.flatMap(task_lines/* taskLines */.z);
    // Clusters with changes or errors are the ones expanded; a cluster with nothing to do stays shut.
    const open = c.tasks.length > 0 || c.errors.length > 0 ? ' open' : '';
    const head = [`<details${open}><summary>${clusterLabel(c)}</summary>`, ''];
    const tail = ['</details>', ''];
    const tailBytes = tail.reduce((n, l) => n + byteLength(l) + 1, 0);
    if (!out.tryAdd(head, reserve + tailBytes + 200))
        return false;
    const inner = reserve + tailBytes;
    const problems = problemItems([...c.errors, ...c.warnings]);
    if (problems.length > 0)
        addList(out, problems, inner, runUrl);
    if (diff.length > 0) {
        addFenced(out, diff, 'diff', inner, runUrl);
        out.tryAdd([''], inner);
        if (c.tasks.length <= TREE_MAX_TASKS) {
            const tree = (0,task_tree/* renderTaskTree */._u)(c, { planMode: true }).replace(/^\n/, '').trimEnd().split('\n');
            const fence = (0,render_escape/* fenceFor */.Lt)(tree);
            const block = ['eksctl task tree:', '', fence, ...tree, fence, ''];
            out.tryAdd(block, inner);
        }
    }
    else if (c.errors.length === 0) {
        const sentence = c.notManaged.length === 0
            ? 'No changes: the cluster matches the configuration.'
            : 'No changes: everything podid-action manages matches the configuration.';
        out.tryAdd([sentence, ''], inner);
    }
    if (c.notManaged.length > 0) {
        out.tryAdd([`${(0,render_escape/* escapeMarkdown */.FV)((0,plan_text/* notManagedLine */.xm)(c.notManaged))}; reasons in the job summary`, ''], inner);
    }
    out.tryAdd(tail, reserve);
    return true;
}
function addPlan(out, plan, reserve, runUrl) {
    const counts = (0,plan_counts/* countChanges */.xS)(plan);
    out.tryAdd([`**Plan:** ${(0,plan_text/* countsLine */.J7)(counts)} in ${plan.clusters.length} cluster(s).`, ''], reserve);
    if (counts.delete > 0) {
        out.tryAdd([
            '> [!WARNING]',
            `> This plan **deletes** ${counts.delete} resource(s) (lines starting with \`-\`). Review them before merging.`,
            '',
        ], reserve);
    }
    const stubs = plan.clusters.map(stubLine);
    const stubBytes = stubs.map((s) => byteLength(s) + 1);
    for (let i = 0; i < plan.clusters.length; i++) {
        // Room is kept for a one-line stub of every later cluster, so none disappears silently.
        const later = Math.min(10_000, stubBytes.slice(i + 1).reduce((a, b) => a + b, 0));
        if (addCluster(out, plan.clusters[i], reserve + later + MORE_CLUSTERS_BYTES, runUrl))
            continue;
        const omitted = out.addWhileFits(stubs.slice(i), reserve + MORE_CLUSTERS_BYTES);
        if (omitted > 0)
            out.tryAdd([`- … and ${omitted} more cluster(s); see the job summary`]);
        out.tryAdd(['']);
        return;
    }
}
/** The visible part of the comment, at most `limit` bytes. */
function renderVisibleBody(view, limit) {
    const out = new BudgetedText(limit);
    const footer = [
        `<sub>podid-action · commit ${(0,render_escape/* escapeMarkdown */.FV)(view.headSha.slice(0, 12) || 'unknown')} · full plan and logs: ${view.runUrl}</sub>`,
    ];
    const reserve = footer.reduce((n, l) => n + byteLength(l) + 1, 0);
    out.tryAdd([`### ${TITLES[view.status]}`, ''], reserve);
    for (const note of view.notes ?? [])
        out.tryAdd([(0,render_escape/* escapeMarkdown */.FV)(note), ''], reserve);
    // The per-cluster table opens the comment (at most CLUSTER_TABLE_MAX_ROWS rows); room is kept for
    // everything after it, which names every cluster again.
    if (view.plan) {
        const rest = Math.min(TABLE_RESERVE_BYTES, out.free(reserve) / 2);
        out.tryAdd(clusterTableLines(view.plan), reserve + rest);
    }
    if (view.problems && view.problems.length > 0) {
        out.tryAdd(['**Configuration problems** (nothing was read from or sent to AWS):', ''], reserve);
        addList(out, problemItems(view.problems), reserve, view.runUrl);
    }
    const differences = view.review ? (0,review/* reviewDifferenceLines */.D)(view.review) : [];
    if (differences.length > 0) {
        out.tryAdd(['**What changed since the review:**', ''], reserve);
        addFenced(out, differences, 'diff', reserve, view.runUrl);
        out.tryAdd([''], reserve);
    }
    if (view.results && view.results.length > 0) {
        out.tryAdd(['**Apply results:**', ''], reserve);
        addList(out, (0,apply_results/* applyResultLines */.Vs)(view.results), reserve, view.runUrl);
    }
    if (view.plan)
        addPlan(out, view.plan, reserve, view.runUrl);
    out.tryAdd(footer);
    return `${out.toString().trimEnd()}\n`;
}
/** Header + visible body, at most `limit` bytes in all. */
function buildCommentBody(view, limit = COMMENT_BUDGET_BYTES) {
    const headerFor = (sha) => (0,marker/* encodeHeader */.YS)({
        repo: view.repo,
        pr: view.pr,
        headSha: view.headSha,
        mode: view.mode,
        status: view.status,
        key: view.key,
        bodySha: sha,
        reviewed: view.reviewed ??
            (view.plan
                ? (0,marker/* reviewedPlan */.VR)(view.plan.clusters, view.salt)
                : { fingerprint: '', clusters: [], omitted: 0 }),
    });
    // The body hash has a fixed length, so a placeholder gives the header's exact size.
    const headerBytes = byteLength(headerFor('0'.repeat(64))) + 1;
    const visible = renderVisibleBody(view, limit - headerBytes);
    return `${headerFor((0,marker/* bodySha */.Bk)(visible))}\n${visible}`;
}

;// CONCATENATED MODULE: ./src/render/markdown.ts
// The plan as Markdown for the PR comment and the job summary. Every user-controlled string is
// escaped (escape.ts); values inside the diff block sit in a fence no value can close.






const problemLine = (p) => (0,render_problems/* problemItem */.Dk)(p, { withPath: true });
/** Only what the plan looked at is claimed to match; fields it does not manage are said to exist. */
function noChangesSentence(cluster) {
    return cluster.notManaged.length === 0
        ? 'No changes. The cluster matches the configuration.'
        : `No changes. Everything podid-action manages matches the configuration; ${cluster.notManaged.length} field(s) of the file are not managed by it.`;
}
function clusterSection(cluster) {
    const counts = (0,plan_counts/* countClusterChanges */.$c)(cluster);
    const out = [
        `### Cluster ${(0,render_escape/* escapeMarkdown */.FV)(cluster.cluster)} (${(0,render_escape/* escapeMarkdown */.FV)(cluster.region)})`,
        '',
        `File ${(0,render_escape/* escapeMarkdown */.FV)(cluster.file)} · ${(0,plan_text/* countsLine */.J7)(counts)} · ${cluster.unchanged} unchanged`,
        '',
    ];
    if (cluster.errors.length > 0) {
        out.push(`**Errors** (nothing in this cluster can be applied until they are fixed):`, '');
        out.push(...cluster.errors.map(problemLine), '');
    }
    if (cluster.warnings.length > 0)
        out.push('**Warnings**', '', ...cluster.warnings.map(problemLine), '');
    if (cluster.tasks.length > 0) {
        out.push((0,render_escape/* codeBlock */.DV)(cluster.tasks.flatMap(task_lines/* taskLines */.z).join('\n'), 'diff'), '');
    }
    else if (cluster.errors.length === 0) {
        out.push(`${noChangesSentence(cluster)}`, '');
    }
    const leftAlone = [
        ...cluster.unmanaged.map((u) => `- ${(0,render_escape/* escapeMarkdown */.FV)(`${u.namespace}/${u.serviceAccount}`)} (${(0,render_escape/* escapeMarkdown */.FV)(u.associationId)}): ${(0,render_escape/* escapeMarkdown */.FV)(u.reason)}`),
        ...cluster.unmanagedAddons.map((u) => `- addon ${(0,render_escape/* escapeMarkdown */.FV)(u.addonName)}: ${(0,render_escape/* escapeMarkdown */.FV)(u.reason)}`),
    ];
    if (leftAlone.length > 0) {
        out.push(`<details><summary>${leftAlone.length} resource(s) not in the config, left alone</summary>`, '', ...leftAlone, '', '</details>', '');
    }
    if (cluster.notManaged.length > 0) {
        out.push(`<details><summary>${cluster.notManaged.length} field(s) of the file not managed by podid-action</summary>`, '', ...cluster.notManaged.map((n) => `- ${(0,render_escape/* escapeMarkdown */.FV)(n.path)} (line ${n.line}): ${(0,render_escape/* escapeMarkdown */.FV)(n.reason)}`), '', '</details>', '');
    }
    // Only a plan that can be applied has a fingerprint worth reviewing.
    if (cluster.errors.length === 0)
        out.push(`Fingerprint: \`${cluster.fingerprint}\``, '');
    return out;
}
function renderMarkdown(plan, opts = {}) {
    const counts = (0,plan_counts/* countChanges */.xS)(plan);
    const errors = (0,plan_counts/* planErrorCount */.d9)(plan);
    const out = [`## ${(0,render_escape/* escapeMarkdown */.FV)(opts.title ?? 'podid plan')}`, ''];
    out.push(`**Plan:** ${(0,plan_text/* countsLine */.J7)(counts)} in ${plan.clusters.length} cluster(s)${errors > 0 ? `; ${errors} error(s)` : ''}.`, '');
    if (opts.clusterTable !== false)
        out.push(...clusterTableLines(plan));
    if (counts.delete > 0) {
        out.push('> [!WARNING]', `> This plan **deletes** ${counts.delete} resource(s) (lines starting with \`-\`). Review them before merging.`, '');
    }
    for (const cluster of plan.clusters)
        out.push(...clusterSection(cluster));
    return `${out.join('\n').trimEnd()}\n`;
}

;// CONCATENATED MODULE: ./src/render/job-summary.ts
// The job summary: everything, not budgeted like the comment: the full plan (render/markdown.ts),
// every apply result, every review difference, every config problem. GitHub drops a summary over
// 1 MiB, so it is cut at 1,000,000 bytes with a pointer to the plan JSON.







const SUMMARY_BUDGET_BYTES = 1_000_000;
const HEADINGS = {
    planned: 'podid plan',
    'no-changes': 'podid plan: no changes',
    'plan-failed': 'podid plan: errors',
    'invalid-config': 'podid: invalid configuration',
    'plan-changed': 'podid apply refused: the plan changed since review',
    applied: 'podid apply: done',
    'apply-failed': 'podid apply: failed',
};
function renderJobSummary(view, planJsonPath) {
    const out = [`# ${(0,render_escape/* escapeMarkdown */.FV)(HEADINGS[view.status])}`, ''];
    for (const note of view.notes ?? [])
        out.push((0,render_escape/* escapeMarkdown */.FV)(note), '');
    // Opens with the per-cluster table; the plan below then does not repeat it.
    if (view.plan)
        out.push(...clusterTableLines(view.plan));
    if (view.problems && view.problems.length > 0) {
        out.push('## Configuration problems', '', ...view.problems.map((p) => (0,render_problems/* problemItem */.Dk)(p, { severityIcon: true })), '');
    }
    const differences = view.review ? (0,review/* reviewDifferenceLines */.D)(view.review) : [];
    if (differences.length > 0) {
        out.push('## What changed since the review', '', (0,render_escape/* codeBlock */.DV)(differences.join('\n'), 'diff'), '');
    }
    if (view.results && view.results.length > 0) {
        out.push('## Apply results', '', ...(0,apply_results/* applyResultLines */.Vs)(view.results), '');
    }
    if (view.plan)
        out.push(renderMarkdown(view.plan, { title: 'Plan', clusterTable: false }));
    const text = `${out.join('\n').trimEnd()}\n`;
    const where = planJsonPath ? `the plan JSON (${planJsonPath}, output plan-json)` : 'the log';
    return truncateBytes(text, SUMMARY_BUDGET_BYTES, (n) => `… ${n} more line(s) cut (job summaries are limited to 1 MiB); the full plan is in ${where}`);
}

// EXTERNAL MODULE: ./src/action/outputs.ts
var outputs = __webpack_require__(8948);
;// CONCATENATED MODULE: ./src/action/publish.ts
// Where a run's outcome is published: the job summary (always) and the sticky PR comment (when
// there is a PR and a token), with the comment's never-fail fallback.




async function writeSummary(ctx, view, planJsonPath) {
    try {
        await ctx.io.appendSummary(renderJobSummary(view, planJsonPath));
    }
    catch (error) {
        ctx.io.warning(`could not write the job summary: ${error instanceof Error ? error.message : String(error)}`);
    }
}
/**
 * Creates or updates the sticky comment, with ONE warning pointing at the job summary when it is
 * not posted. The caller decides whether a refusal fails the run (a plan must be reviewable).
 */
async function publishComment(ctx, view, existing) {
    const { io, settings } = ctx;
    const notPosted = (why) => io.warning(`${why} The plan is in the job summary of this run: ${settings.runUrl}`);
    if (!settings.comment) {
        // The plan job may not know how apply is configured; the input's default is what it can check.
        if (settings.mode === 'plan' && settings.requireReviewedPlan) {
            notPosted('No PR comment (comment: false): an apply job with require-reviewed-plan: true (the default) will find no reviewed plan for this pull request and refuse.');
        }
        return { skipped: 'the comment input is false' };
    }
    if (settings.pullRequest?.fork) {
        notPosted('No PR comment: this pull request comes from a fork, whose token cannot write comments.');
        return { skipped: 'the pull request comes from a fork' };
    }
    if (!ctx.api) {
        notPosted('No PR comment: the github-token input is empty.');
        return { skipped: 'the github-token input is empty' };
    }
    const result = await (0,sticky_comment/* upsertComment */.lB)(ctx.api, view.pr, buildCommentBody(view), existing);
    if (!result.ok) {
        notPosted(`No PR comment: ${result.reason}.`);
        return { failed: result.reason };
    }
    io.info(`PR comment ${result.created ? 'created' : 'updated'}: ${result.commentId}`);
    io.setOutput(outputs/* Outputs */.tY.commentId, String(result.commentId));
    return { posted: result.commentId };
}


/***/ }),

/***/ 3660:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ GitHubApiError)
/* harmony export */ });
// A failed GitHub call, apart from the client: the flows recognise it without loading Octokit.
/**
 * A failed GitHub call: its HTTP status and GitHub's one-line message, never the raw response.
 * A GraphQL error arrives in an HTTP 200 answer: status 200, and `type` is GraphQL's (`NOT_FOUND`).
 */
class GitHubApiError extends Error {
    status;
    type;
    hint;
    constructor(status, message, type, hint = { status, rateLimited: false }) {
        super(message);
        this.status = status;
        this.type = type;
        this.hint = hint;
    }
}


/***/ }),

/***/ 7648:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FT: () => (/* binding */ foreignEditors),
/* harmony export */   Mo: () => (/* binding */ commentAuthors),
/* harmony export */   Pg: () => (/* binding */ selectStickyComment),
/* harmony export */   lB: () => (/* binding */ upsertComment),
/* harmony export */   zu: () => (/* binding */ ourComments)
/* harmony export */ });
/* unused harmony exports ACTIONS_BOT, isOurEditor, explainCommentFailure */
/* harmony import */ var _api_error_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3660);
/* harmony import */ var _review_marker_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(468);
// The one sticky comment per PR (and config set): found by our hidden marker AND our author, among
// every page of the PR's comments; updated in place, created once. A comment by anyone else that
// quotes or copies the marker is ignored. Writing a comment never fails a plan: any refusal
// (fork token, missing permission, 422) is returned as a reason for the caller's one warning.


/** The author of comments made with the workflow's GITHUB_TOKEN. */
const ACTIONS_BOT = 'github-actions[bot]';
/** Our comments on this PR, oldest first: marker at the very start, our author, this repo and PR. */
function ourComments(comments, scope) {
    const out = [];
    for (const comment of comments) {
        if (!scope.authors.includes(comment.author))
            continue;
        const header = (0,_review_marker_js__WEBPACK_IMPORTED_MODULE_1__/* .decodeHeader */ .E2)(comment.body);
        if (!header || header.repo !== scope.repo || header.pr !== scope.pr)
            continue;
        out.push({ comment, header });
    }
    return out;
}
/** The sticky comment of one config set: the first of ours with that key. */
function selectStickyComment(comments, scope) {
    return ourComments(comments, scope).find((c) => c.header.key === scope.key);
}
/**
 * An editor in a comment's edit history is us when it is one of `authors`. GraphQL spells a bot
 * without the `[bot]` that REST adds (`github-actions`), so the suffix is not compared; null is an
 * account that is gone, never us.
 */
function isOurEditor(editor, authors) {
    if (editor === null)
        return false;
    const bare = (login) => login.replace(/\[bot\]$/, '').toLowerCase();
    return authors.some((a) => bare(a) === bare(editor));
}
/** Who else ever edited the comment (null: an account that is gone). Fails on a partial history. */
async function foreignEditors(api, comment, authors) {
    const { editors, count } = await api.commentEdits(comment.comment.nodeId);
    if (editors.length !== count) {
        throw new Error(`GitHub listed ${editors.length} of the ${count} edits of comment ${comment.comment.id}`);
    }
    const found = new Set();
    for (const editor of editors) {
        if (!isOurEditor(editor, authors))
            found.add(editor ?? 'a deleted account');
    }
    return [...found];
}
function commentAuthors(login) {
    return login && login !== ACTIONS_BOT ? [login, ACTIONS_BOT] : [ACTIONS_BOT];
}
/** A short, actionable explanation of why GitHub refused a comment write. */
function explainCommentFailure(error) {
    if (error instanceof _api_error_js__WEBPACK_IMPORTED_MODULE_0__/* .GitHubApiError */ .O) {
        if (error.status === 403) {
            return `${error.message}. The token cannot write PR comments: grant \`permissions: pull-requests: write\` to the job (fork PRs never get it)`;
        }
        if (error.status === 422)
            return `${error.message}. GitHub refused the comment body`;
        if (error.status === 404) {
            return `${error.message}. The PR was not found with this token (check \`github-token\` and \`pull-requests: write\`)`;
        }
        return error.message;
    }
    return error instanceof Error ? error.message : String(error);
}
/** Updates `existing` or creates the comment; never throws. */
async function upsertComment(api, pr, body, existing) {
    try {
        if (existing) {
            const updated = await api.updateComment(existing.comment.id, body);
            return { ok: true, commentId: updated.id, created: false };
        }
        const created = await api.createComment(pr, body);
        return { ok: true, commentId: created.id, created: true };
    }
    catch (error) {
        return { ok: false, reason: explainCommentFailure(error) };
    }
}


/***/ }),

/***/ 7335:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Vs: () => (/* binding */ applyResultLines),
/* harmony export */   kY: () => (/* binding */ failureText)
/* harmony export */ });
/* unused harmony exports renderResultsText, applyVerdict */
/* harmony import */ var _escape_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7789);
// Apply results as text (terminal, step failure message) and as Markdown lines (PR comment, job
// summary). Failures are listed one by one (every one, DESIGN §7); successes are counted. Messages
// come from AWS and from config values, so the Markdown escapes them.


/** Error texts are cut in Markdown: enough to act on, never a whole API response. */
const MAX_MESSAGE = 300;
const short = (text) => text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE)}…` : text;
const unsuccessful = (r) => r.status === 'failed' || r.status === 'skipped';
/** Per cluster "N of M task(s) done", then each failed or skipped task (CLI). */
function renderResultsText(results) {
    const out = [];
    for (const cluster of results) {
        const failed = cluster.results.filter(unsuccessful);
        const done = cluster.results.length - failed.length;
        out.push(`cluster "${cluster.cluster}": ${done} of ${cluster.results.length} task(s) done`);
        for (const r of failed)
            out.push(`  ✖ ${r.description}: ${r.message ?? r.status}`);
    }
    return `${out.join('\n')}\n`;
}
/** Every failed or skipped task and every cluster left out for plan errors, a line each (action). */
function failureText(results, plan) {
    const lines = [];
    for (const cluster of results) {
        for (const r of cluster.results.filter(unsuccessful)) {
            lines.push(`cluster ${cluster.cluster}: ${r.status}: ${r.description}: ${r.message ?? ''}`);
        }
    }
    for (const c of plan.clusters.filter((c) => c.errors.length > 0)) {
        lines.push(`cluster ${c.cluster}: not applied, the plan has ${c.errors.length} error(s)`);
    }
    return lines.join('\n');
}
function resultItem(r) {
    const mark = r.status === 'failed' ? '✖ failed' : '↷ skipped';
    return `- ${mark}: ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)(r.description)}${r.message ? ` — ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)(short(r.message))}` : ''}`;
}
function applyResultLines(results) {
    const out = [];
    for (const cluster of results) {
        const done = cluster.results.filter((r) => r.status === 'succeeded').length;
        const unchanged = cluster.results.filter((r) => r.status === 'unchanged').length;
        const problems = cluster.results.filter(unsuccessful);
        const mark = problems.length > 0 ? '❌' : '✅';
        out.push(`${mark} **${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)(cluster.cluster)}** (${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)(cluster.region)}): ` +
            `${done} done, ${unchanged} already as planned, ${cluster.failed} failed, ` +
            `${problems.length - cluster.failed} skipped`);
        out.push(...problems.map(resultItem));
    }
    return out;
}
/**
 * The apply's last line and whether the run succeeded; they always agree: a cluster that could not
 * be read or planned is a failure as much as a failed task, and "nothing to apply" is said only of a
 * plan without errors.
 */
function applyVerdict(plan, results) {
    const failed = failedTasks(results);
    const notApplied = plan.clusters.filter((c) => c.errors.length > 0).length;
    const ran = results.some((c) => c.results.length > 0);
    if (failed === 0 && notApplied === 0) {
        return {
            ok: true,
            line: ran ? 'all tasks were completed successfully' : 'Nothing to apply.',
        };
    }
    const parts = [
        ...(failed > 0 ? [`${failed} failed task(s)`] : []),
        ...(notApplied > 0
            ? [
                `${notApplied} of ${plan.clusters.length} cluster(s) not applied because their plan has errors`,
            ]
            : []),
    ];
    const head = ran ? 'Apply finished with errors' : 'Nothing was applied';
    return { ok: false, line: `${head}: ${parts.join(', ')}; fix them and re-run to converge.` };
}


/***/ }),

/***/ 8394:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ reviewDifferenceLines),
/* harmony export */   K: () => (/* binding */ refusalText)
/* harmony export */ });
// Why an apply was refused: which clusters and tasks differ from the reviewed plan.
/** Plain lines, to be shown in a code fence. */
function reviewDifferenceLines(review) {
    const text = [];
    for (const c of review.clusters) {
        if (c.differences.length === 0)
            continue;
        text.push(`cluster ${c.cluster} (${c.region}): ${c.verdict}`);
        text.push(...c.differences.map((d) => `  ${d}`));
    }
    return text;
}
/** The step's failure message when the plan changed since review (on-plan-change: fail). */
function refusalText(review) {
    const lines = review.clusters
        .filter((c) => c.differences.length > 0)
        .flatMap((c) => [`cluster ${c.cluster} (${c.region}):`, ...c.differences.map((d) => `  ${d}`)]);
    return ('the plan changed since it was reviewed, so nothing was applied (on-plan-change: fail).\n' +
        `${lines.join('\n')}\n` +
        'Re-run the plan in a new pull request to review the current plan, or set on-plan-change: apply.');
}


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


/***/ }),

/***/ 468:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bk: () => (/* binding */ bodySha),
/* harmony export */   E2: () => (/* binding */ decodeHeader),
/* harmony export */   FU: () => (/* binding */ visibleBody),
/* harmony export */   VR: () => (/* binding */ reviewedPlan),
/* harmony export */   YS: () => (/* binding */ encodeHeader),
/* harmony export */   an: () => (/* binding */ planFingerprint)
/* harmony export */ });
/* unused harmony exports MARKER_PREFIX, HEADER_BUDGET_BYTES, reviewedCluster */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8522);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_zlib__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _fingerprint_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(336);
// The hidden, versioned header at the top of our PR comment: `<!-- podid-action:v1 {json} -->`.
// It records what was reviewed: one fingerprint over the whole plan, per cluster the salted
// fingerprint (the binding, DESIGN §6) and a compact list of task ids with short per-task hashes
// (only to explain *which* task changed), plus the head commit, the PR, the mode and status. It
// stays within a byte budget however many clusters there are: per-cluster records that do not fit
// are left out (counted), and the whole-plan fingerprint still binds them. The comment is only a
// pointer: apply recomputes the plan and compares; nothing in here says *what* to apply.



const MARKER_PREFIX = '<!-- podid-action:v1 ';
const MARKER_SUFFIX = ' -->';
/** The whole header's budget; the visible comment gets the rest of GitHub's limit. */
const HEADER_BUDGET_BYTES = 36_000;
/**
 * One SHA-256 over every cluster with changes (region, name, fingerprint; sorted): equal only when
 * the same clusters have changes and each has its reviewed fingerprint.
 */
function planFingerprint(clusters) {
    const parts = clusters
        .filter((c) => c.tasks.length > 0)
        .map((c) => `${c.region}\0${c.cluster}\0${c.fingerprint}`)
        .sort();
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(parts.join('\n'), 'utf8').digest('hex');
}
/** What a plan-mode comment records of the plan it shows. */
function reviewedPlan(clusters, salt) {
    return {
        fingerprint: planFingerprint(clusters),
        clusters: clusters.map((c) => reviewedCluster(c, salt)),
        omitted: 0,
    };
}
function reviewedCluster(cluster, salt) {
    return {
        name: cluster.cluster,
        region: cluster.region,
        file: cluster.file,
        fingerprint: cluster.fingerprint,
        tasks: cluster.tasks.map((t) => ({ id: t.id, hash: (0,_fingerprint_js__WEBPACK_IMPORTED_MODULE_2__/* .taskHash */ .UP)(t, salt) })),
    };
}
function bodySha(visibleBody) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(visibleBody, 'utf8').digest('hex');
}
/**
 * Task lists travel compactly: the ids (which repeat a lot) deflated, and the hashes as raw bytes,
 * both base64, joined by "." — about 14 bytes per task, so 2,000 tasks fit in ~28 kB.
 */
function packTasks(tasks) {
    const ids = (0,node_zlib__WEBPACK_IMPORTED_MODULE_1__.deflateRawSync)(Buffer.from(tasks.map((t) => t.id).join('\n'), 'utf8'));
    const hashes = Buffer.from(tasks.map((t) => t.hash).join(''), 'hex');
    return `${ids.toString('base64')}.${hashes.toString('base64')}`;
}
function unpackTasks(packed) {
    if (typeof packed !== 'string')
        return undefined;
    const [ids, hashes] = packed.split('.');
    try {
        const idList = (0,node_zlib__WEBPACK_IMPORTED_MODULE_1__.inflateRawSync)(Buffer.from(ids ?? '', 'base64')).toString('utf8');
        const hex = Buffer.from(hashes ?? '', 'base64').toString('hex');
        const list = idList === '' ? [] : idList.split('\n');
        if (hex.length !== list.length * _fingerprint_js__WEBPACK_IMPORTED_MODULE_2__/* .TASK_HASH_LENGTH */ .MK)
            return undefined;
        return list.map((id, i) => ({
            id,
            hash: hex.slice(i * _fingerprint_js__WEBPACK_IMPORTED_MODULE_2__/* .TASK_HASH_LENGTH */ .MK, (i + 1) * _fingerprint_js__WEBPACK_IMPORTED_MODULE_2__/* .TASK_HASH_LENGTH */ .MK),
        }));
    }
    catch {
        return undefined;
    }
}
/** JSON that cannot end the HTML comment it sits in (`>` and friends as \u escapes). */
function safeJson(value) {
    return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
const hasChanges = (c) => c.tasks === undefined || c.tasks.length > 0;
/**
 * The header, within HEADER_BUDGET_BYTES: cluster records (those with changes first) while they
 * fit, then task lists while they fit. What does not fit is left out, never cut.
 */
function encodeHeader(header) {
    const { reviewed } = header;
    const base = {
        v: 1,
        repo: header.repo,
        pr: header.pr,
        sha: header.headSha,
        mode: header.mode,
        status: header.status,
        key: header.key,
        body: header.bodySha,
        plan: reviewed.fingerprint,
    };
    const ordered = [
        ...reviewed.clusters.filter(hasChanges),
        ...reviewed.clusters.filter((c) => !hasChanges(c)),
    ];
    // Room for the fixed part, the omitted count and the marker.
    let budget = HEADER_BUDGET_BYTES -
        Buffer.byteLength(safeJson({ ...base, omitted: 999_999, clusters: [] }), 'utf8') -
        MARKER_PREFIX.length -
        MARKER_SUFFIX.length;
    const kept = [];
    let omitted = reviewed.omitted;
    for (const c of ordered) {
        const record = { name: c.name, region: c.region, file: c.file, fp: c.fingerprint };
        const cost = Buffer.byteLength(safeJson(record), 'utf8') + 1;
        if (cost > budget) {
            if (hasChanges(c))
                omitted++;
            continue;
        }
        budget -= cost;
        kept.push({ cluster: c, record });
    }
    for (const { cluster, record } of kept) {
        const packed = cluster.tasks ? packTasks(cluster.tasks) : undefined;
        // `,"tasks":"…"` around the packed text.
        const cost = packed === undefined ? 0 : Buffer.byteLength(packed, 'utf8') + 11;
        if (packed !== undefined && cost <= budget) {
            budget -= cost;
            record.tasks = packed;
        }
    }
    const records = kept.map((k) => k.record);
    return `${MARKER_PREFIX}${safeJson({ ...base, omitted, clusters: records })}${MARKER_SUFFIX}`;
}
const str = (v) => (typeof v === 'string' ? v : '');
/** The header of a comment body, or undefined when the body does not start with our marker. */
function decodeHeader(body) {
    if (!body.startsWith(MARKER_PREFIX))
        return undefined;
    const end = body.indexOf(MARKER_SUFFIX, MARKER_PREFIX.length);
    if (end < 0)
        return undefined;
    let raw;
    try {
        raw = JSON.parse(body.slice(MARKER_PREFIX.length, end));
    }
    catch {
        return undefined;
    }
    if (raw === null || typeof raw !== 'object' || raw.v !== 1 || !Array.isArray(raw.clusters)) {
        return undefined;
    }
    return {
        repo: str(raw.repo),
        pr: typeof raw.pr === 'number' ? raw.pr : 0,
        headSha: str(raw.sha),
        mode: str(raw.mode),
        status: str(raw.status),
        key: str(raw.key),
        bodySha: str(raw.body),
        reviewed: {
            fingerprint: str(raw.plan),
            omitted: typeof raw.omitted === 'number' && raw.omitted >= 0 ? raw.omitted : 0,
            clusters: raw.clusters
                .filter((c) => c !== null && typeof c === 'object')
                .map((c) => ({
                name: str(c.name),
                region: str(c.region),
                file: str(c.file),
                fingerprint: str(c.fp),
                tasks: unpackTasks(c.tasks),
            })),
        },
    };
}
/** The visible part of a body (after the header line), as hashed into `bodySha`. */
function visibleBody(body) {
    const end = body.indexOf(MARKER_SUFFIX);
    return end < 0 ? body : body.slice(end + MARKER_SUFFIX.length).replace(/^\n/, '');
}


/***/ })

};
