import { ConflictError, InputError, NotAllowedError } from '@backstage/errors';
import {
  DefaultGithubCredentialsProvider,
  type ScmIntegrationRegistry,
} from '@backstage/integration';
import type { UpgradePlan } from '@golden-paths/golden-paths-common';
import { Octokit } from '@octokit/rest';
import { runGit } from '../upgrade/git';
import type { ThreeWayMerge, TreeFile } from '../upgrade/types';
import { isUpgradeCommit, withUpgradeTrailers } from './upgradeCommitTrailers';

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

/** Marks the pull requests Golden Paths opens, one per path. */
function pullRequestMarker(pathRef: string): string {
  return `<!-- golden-paths-upgrade: ${pathRef} -->`;
}

function statusOf(error: unknown): number | undefined {
  return (error as { status?: number }).status;
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
 * and one pull request for it (a draft when there are conflicts), its body
 * the per-file table and the release notes.
 *
 * The branch is never force-moved. A branch that does not end with an
 * upgrade commit Golden Paths wrote (its trailers, its tree) is someone
 * else's: it is refused with a `ConflictError`, as is an open pull request
 * from it that Golden Paths did not open. Run again on its own branch, the
 * upgrade is added on top of the previous one (with the base's head as a
 * second parent when the base moved on), so GitHub itself refuses the move
 * if anyone pushed to the branch meanwhile.
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

  const pathRef = plan.path.entityRef;
  const branch = plan.delivery.branch;
  const refuse = (what: string) =>
    new ConflictError(
      `The branch ${branch} of ${owner}/${repo} ${what}. Golden Paths only updates a branch whose last commit is an upgrade it wrote, and never force-pushes: merge or move the work on ${branch} elsewhere and delete the branch, then run the upgrade again.`,
    );
  let previous: string | undefined;
  try {
    previous = (
      await octokit.git.getRef({ owner, repo, ref: `heads/${branch}` })
    ).data.object.sha;
  } catch (error) {
    if (statusOf(error) !== 404) {
      throw error;
    }
  }
  let parents = [head];
  if (previous) {
    const last = (
      await octokit.git.getCommit({ owner, repo, commit_sha: previous })
    ).data;
    if (
      !isUpgradeCommit({ message: last.message, tree: last.tree.sha }, pathRef)
    ) {
      throw refuse(
        `exists and ends with a commit Golden Paths did not write (${previous.slice(
          0,
          7,
        )})`,
      );
    }
    parents = last.parents.some(p => p.sha === head)
      ? [previous]
      : [previous, head];
  }
  const marker = pullRequestMarker(pathRef);
  const open = (
    await octokit.pulls.list({
      owner,
      repo,
      head: `${owner}:${branch}`,
      state: 'open',
    })
  ).data[0];
  if (open && !(open.body ?? '').includes(marker)) {
    throw refuse(
      `has an open pull request Golden Paths did not open (#${open.number})`,
    );
  }

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
      message: withUpgradeTrailers(options.body, { pathRef, tree }),
      tree,
      parents,
    })
  ).data.sha;

  try {
    if (previous) {
      // A fast-forward only: GitHub refuses it if the branch moved since.
      await octokit.git.updateRef({
        owner,
        repo,
        ref: `heads/${branch}`,
        sha: commit,
        force: false,
      });
    } else {
      await octokit.git.createRef({
        owner,
        repo,
        ref: `refs/heads/${branch}`,
        sha: commit,
      });
    }
  } catch (error) {
    if (statusOf(error) === 422) {
      throw refuse('changed while the upgrade was being written');
    }
    throw error;
  }

  const body = `${options.body.trimEnd()}\n\n${marker}\n`;
  if (open) {
    const updated = await octokit.pulls.update({
      owner,
      repo,
      pull_number: open.number,
      title: options.title,
      body,
    });
    return { commit, url: updated.data.html_url };
  }
  const created = await octokit.pulls.create({
    owner,
    repo,
    head: branch,
    base,
    title: options.title,
    body,
    draft: plan.summary.conflicts > 0,
  });
  return { commit, url: created.data.html_url };
}
