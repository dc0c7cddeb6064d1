export const id = 231;
export const ids = [231];
export const modules = {

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

/***/ 5231:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  GitHubApiError: () => (/* reexport */ api_error/* GitHubApiError */.O),
  createGitHubApi: () => (/* binding */ createGitHubApi)
});

// EXTERNAL MODULE: ./node_modules/@actions/github/lib/github.js + 22 modules
var github = __webpack_require__(2413);
;// CONCATENATED MODULE: ./src/github/retry.ts
// Which GitHub failures are worth another try, and how long to wait: a network failure, a 5xx, a
// 429 or a rate-limit 403, waiting what GitHub asks (retry-after, the rate-limit reset) or backing
// off. A lookup that decides whether to apply must not mistake one 502 for "there is no review".
const DEFAULT_RETRY = {
    delaysMs: [1_000, 2_000, 4_000],
    maxWaitMs: 20_000,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};
/** The retry facts of an Octokit error (status, response headers, message). */
function retryHint(status, headers, message) {
    const header = (name) => {
        const value = headers?.[name];
        return value === undefined ? undefined : String(value);
    };
    const exhausted = header('x-ratelimit-remaining') === '0';
    const rateLimited = status === 429 || (status === 403 && (exhausted || /rate limit/i.test(message)));
    const retryAfter = Number(header('retry-after'));
    const reset = Number(header('x-ratelimit-reset'));
    const retryAfterMs = Number.isFinite(retryAfter) && header('retry-after') !== undefined
        ? retryAfter * 1000
        : exhausted && Number.isFinite(reset) && reset > 0
            ? Math.max(0, reset * 1000 - Date.now())
            : undefined;
    return { status, rateLimited, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) };
}
/**
 * Whether to try again. `idempotent` is false for a create: a 5xx may come after GitHub did the
 * work, so only refusals that did nothing (rate limits) are retried.
 */
function worthRetrying(hint, idempotent) {
    if (hint.rateLimited)
        return true;
    return idempotent && (hint.status === 0 || hint.status >= 500);
}
/** The wait before attempt `attempt + 1`, or undefined when there is none left or it is too long. */
function nextWait(hint, attempt, policy) {
    if (attempt > policy.delaysMs.length)
        return undefined;
    const wait = hint.retryAfterMs ?? policy.delaysMs[attempt - 1];
    return wait <= policy.maxWaitMs ? wait : undefined;
}

// EXTERNAL MODULE: ./src/github/api-error.ts
var api_error = __webpack_require__(3660);
;// CONCATENATED MODULE: ./src/github/api.ts
// The GitHub calls the action makes (REST, and GraphQL for a comment's edit history), behind a
// small interface so the flows can be tested with an in-memory fake. The Octokit comes from
// @actions/github (GITHUB_API_URL, proxy settings; GraphQL at `${GITHUB_API_URL}/graphql`).




function toApiError(error, what) {
    const e = error;
    if (Array.isArray(e.errors) && e.status === undefined) {
        const type = e.errors.find((x) => typeof x.type === 'string')?.type;
        const detail = e.errors.map((x) => String(x.message)).join('; ');
        return new api_error/* GitHubApiError */.O(200, `${what}: GraphQL ${type ? `${type} ` : ''}${detail}`, type);
    }
    const status = typeof e.status === 'number' ? e.status : 0;
    const data = e.response?.data;
    const detail = typeof data?.message === 'string'
        ? data.message
        : typeof e.message === 'string'
            ? e.message.split('\n')[0]
            : String(error);
    return new api_error/* GitHubApiError */.O(status, `${what}: ${status ? `HTTP ${status} ` : ''}${detail}`, undefined, retryHint(status, e.response?.headers, detail));
}
/** One GitHub call, retried while it fails transiently; then its last error, saying how often. */
async function call(what, fn, options) {
    for (let attempt = 1;; attempt++) {
        let failure;
        try {
            return await fn();
        }
        catch (error) {
            failure = error instanceof api_error/* GitHubApiError */.O ? error : toApiError(error, what);
        }
        const wait = worthRetrying(failure.hint, options.idempotent ?? true)
            ? nextWait(failure.hint, attempt, options.policy)
            : undefined;
        if (wait === undefined) {
            if (attempt === 1)
                throw failure;
            throw new api_error/* GitHubApiError */.O(failure.status, `${failure.message} (after ${attempt} attempts)`, failure.type, failure.hint);
        }
        await options.policy.sleep(wait);
    }
}
const toComment = (c) => ({
    id: c.id,
    nodeId: c.node_id,
    body: c.body ?? '',
    author: c.user?.login ?? '',
    updatedAt: c.updated_at,
    url: c.html_url,
});
const EDITS_QUERY = `query($id: ID!, $after: String) {
  node(id: $id) {
    ... on IssueComment {
      userContentEdits(first: 100, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        nodes { editor { login } }
      }
    }
  }
}`;
/** Every page of a comment's edit history; a node that is not an issue comment is an error. */
async function readCommentEdits(graphql, nodeId, what) {
    const refuse = (why) => new api_error/* GitHubApiError */.O(200, `${what}: ${why}`);
    const editors = [];
    let after;
    for (;;) {
        const page = await graphql(EDITS_QUERY, { id: nodeId, after });
        const edits = page.node?.userContentEdits;
        if (!edits)
            throw refuse(`${nodeId} is not an issue comment`);
        editors.push(...edits.nodes.map((n) => n?.editor?.login ?? null));
        const next = edits.pageInfo.endCursor;
        if (!edits.pageInfo.hasNextPage)
            return { editors, count: edits.totalCount };
        // A cursor that does not move would page forever: GitHub's answer is then not to be trusted.
        if (!next || next === after)
            throw refuse('GitHub returned no cursor for the next page');
        after = next;
    }
}
function createGitHubApi(token, owner, repo, policy = DEFAULT_RETRY) {
    // Octokit itself does not retry; call() does, for transient failures only. Base: GITHUB_API_URL.
    const octokit = (0,github/* getOctokit */.Q)(token, { log: { debug() { }, info() { }, warn() { }, error() { } } });
    const retried = { policy };
    return {
        async authenticatedLogin() {
            try {
                return await call("read the token's user", async () => (await octokit.rest.users.getAuthenticated()).data.login, retried);
            }
            catch (error) {
                // GITHUB_TOKEN and app tokens may not read /user: that is an answer, not a failure.
                if (error instanceof api_error/* GitHubApiError */.O && [401, 403, 404].includes(error.status)) {
                    if (!error.hint.rateLimited)
                        return undefined;
                }
                throw error;
            }
        },
        listComments: (pr) => call('list the PR comments', async () => {
            const comments = await octokit.paginate(octokit.rest.issues.listComments, {
                owner,
                repo,
                issue_number: pr,
                per_page: 100,
            });
            return comments.map((c) => toComment(c));
        }, retried),
        createComment: (pr, body) => call('create the PR comment', async () => {
            const { data } = await octokit.rest.issues.createComment({
                owner,
                repo,
                issue_number: pr,
                body,
            });
            return toComment(data);
        }, { policy, idempotent: false }),
        updateComment: (id, body) => call('update the PR comment', async () => {
            const { data } = await octokit.rest.issues.updateComment({
                owner,
                repo,
                comment_id: id,
                body,
            });
            return toComment(data);
        }, retried),
        deleteComment: (id) => call('delete the PR comment', async () => {
            await octokit.rest.issues.deleteComment({ owner, repo, comment_id: id });
        }, retried),
        pullsForCommit: (sha) => call(`find the pull request of commit ${sha.slice(0, 12)}`, async () => {
            const { data } = await octokit.rest.repos.listPullRequestsAssociatedWithCommit({
                owner,
                repo,
                commit_sha: sha,
                per_page: 100,
            });
            return data.map((p) => ({
                number: p.number,
                state: p.state,
                merged: Boolean(p.merged_at),
                mergeCommitSha: p.merge_commit_sha ?? undefined,
                mergedAt: p.merged_at ?? undefined,
                headSha: p.head.sha,
            }));
        }, retried),
        commentEdits: (nodeId) => {
            const what = 'read the edit history of the PR comment';
            return call(what, () => readCommentEdits(octokit.graphql, nodeId, what), retried);
        },
    };
}


/***/ })

};
