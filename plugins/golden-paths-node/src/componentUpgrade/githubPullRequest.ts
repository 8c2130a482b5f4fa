import { ConflictError, InputError, NotAllowedError } from '@backstage/errors';
import {
  DefaultGithubCredentialsProvider,
  type ScmIntegrationRegistry,
} from '@backstage/integration';
import type { UpgradePlan } from '@golden-paths/golden-paths-common';
import { Octokit } from '@octokit/rest';
import { runGit } from '../upgrade/git';
import type { ThreeWayMerge, TreeFile } from '../upgrade/types';

/** `https://github.com/o/r/tree/main/sub/` → owner, repo and the ref, if any. */
function parseGithubUrl(url: string) {
  const { pathname } = new URL(url);
  const [owner, repo, kind, ...rest] = pathname
    .split('/')
    .filter(Boolean)
    .map(decodeURIComponent);
  if (!owner || !repo) {
    throw new InputError(`${url} does not name a GitHub repository`);
  }
  const ref = kind === 'tree' || kind === 'blob' ? rest[0] : undefined;
  const subPath = kind === 'tree' || kind === 'blob' ? rest.slice(1) : [];
  if (subPath.length > 0) {
    throw new InputError(
      `${url} points into a folder of the repository; upgrades deliver pull requests for repositories scaffolded at their root`,
    );
  }
  return { owner, repo: repo.replace(/\.git$/, ''), ref };
}

async function mergedMode(merge: ThreeWayMerge, path: string) {
  const { stdout } = await runGit({
    gitDir: merge.gitDir,
    args: ['ls-tree', '-z', merge.treeId, '--', path],
  });
  const mode = stdout.toString('utf8').split(' ')[0];
  return mode === '100755' ? '100755' : '100644';
}

/**
 * Delivers an upgrade to a repository on GitHub: a commit on the branch
 * `golden-paths/upgrade-<path>` whose parent is the commit the plan read,
 * moved in place when the upgrade runs again, and one pull request for it
 * (a draft when there are conflicts), its body the per-file table and the
 * release notes.
 */
export async function deliverGithubPullRequest(options: {
  integrations: ScmIntegrationRegistry;
  repositoryUrl: string;
  /** The commit the plan read the repository at (the URL reader's etag). */
  baseCommit?: string;
  /** The paths the repository holds, as the plan read it. */
  repositoryPaths: Set<string>;
  plan: UpgradePlan;
  merge: ThreeWayMerge;
  extraFiles: TreeFile[];
  title: string;
  body: string;
}): Promise<{ commit: string; url: string }> {
  const { integrations, repositoryUrl, plan, merge } = options;
  const integration = integrations.github.byUrl(repositoryUrl);
  if (!integration) {
    throw new NotAllowedError(
      `${repositoryUrl} is not on a Git host with an integration that can open pull requests (GitHub); plan it here and apply it from a local clone`,
    );
  }
  const { token } = await DefaultGithubCredentialsProvider.fromIntegrations(
    integrations,
  ).getCredentials({ url: repositoryUrl });
  if (!token) {
    throw new NotAllowedError(
      `No GitHub credentials for ${repositoryUrl}: configure integrations.github with a token or a GitHub App`,
    );
  }
  const octokit = new Octokit({
    auth: token,
    baseUrl: integration.config.apiBaseUrl,
  });
  const { owner, repo, ref } = parseGithubUrl(repositoryUrl);
  const repository = (await octokit.repos.get({ owner, repo })).data;
  const base = ref ?? repository.default_branch;
  const head = (await octokit.git.getRef({ owner, repo, ref: `heads/${base}` }))
    .data.object.sha;
  if (options.baseCommit && /^[0-9a-f]{40}$/.test(options.baseCommit)) {
    if (options.baseCommit !== head) {
      throw new ConflictError(
        `${base} moved since the plan was made (${options.baseCommit.slice(
          0,
          7,
        )} → ${head.slice(0, 7)}); plan the upgrade again`,
      );
    }
  }
  const baseTree = (
    await octokit.git.getCommit({ owner, repo, commit_sha: head })
  ).data.tree.sha;

  const blob = async (content: Buffer) =>
    (
      await octokit.git.createBlob({
        owner,
        repo,
        content: content.toString('base64'),
        encoding: 'base64',
      })
    ).data.sha;
  const entries: Array<{
    path: string;
    mode: '100644' | '100755';
    type: 'blob';
    sha: string | null;
  }> = [];
  const remove = (path: string) => {
    // Deleting what the branch does not hold is an error on GitHub.
    if (options.repositoryPaths.has(path)) {
      entries.push({ path, mode: '100644', type: 'blob', sha: null });
    }
  };
  for (const file of plan.files) {
    if (file.previousPath) {
      remove(file.previousPath);
    }
    const content = await merge.readFile(file.path);
    if (content === undefined) {
      remove(file.path);
    } else {
      entries.push({
        path: file.path,
        mode: await mergedMode(merge, file.path),
        type: 'blob',
        sha: await blob(content),
      });
    }
  }
  for (const file of options.extraFiles) {
    entries.push({
      path: file.path,
      mode: file.executable ? '100755' : '100644',
      type: 'blob',
      sha: await blob(file.content),
    });
  }
  const tree = (
    await octokit.git.createTree({
      owner,
      repo,
      base_tree: baseTree,
      tree: entries,
    })
  ).data.sha;
  const commit = (
    await octokit.git.createCommit({
      owner,
      repo,
      message: options.body,
      tree,
      parents: [head],
    })
  ).data.sha;

  const branch = plan.delivery.branch;
  try {
    await octokit.git.updateRef({
      owner,
      repo,
      ref: `heads/${branch}`,
      sha: commit,
      force: true,
    });
  } catch (error) {
    const status = (error as { status?: number }).status;
    // No such branch yet: GitHub answers 422 (or 404 on older servers).
    if (status !== 422 && status !== 404) {
      throw error;
    }
    await octokit.git.createRef({
      owner,
      repo,
      ref: `refs/heads/${branch}`,
      sha: commit,
    });
  }

  const open = (
    await octokit.pulls.list({
      owner,
      repo,
      head: `${owner}:${branch}`,
      state: 'open',
    })
  ).data[0];
  if (open) {
    const updated = await octokit.pulls.update({
      owner,
      repo,
      pull_number: open.number,
      title: options.title,
      body: options.body,
    });
    return { commit, url: updated.data.html_url };
  }
  const created = await octokit.pulls.create({
    owner,
    repo,
    head: branch,
    base,
    title: options.title,
    body: options.body,
    draft: plan.summary.conflicts > 0,
  });
  return { commit, url: created.data.html_url };
}
