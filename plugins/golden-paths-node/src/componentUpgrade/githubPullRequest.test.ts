import { AddressInfo } from 'node:net';
import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import type { UpgradePlan } from '@golden-paths/golden-paths-common';
import { planThreeWayMerge } from '../upgrade/planThreeWayMerge';
import type { ThreeWayMerge } from '../upgrade/types';
import {
  file,
  type FakeGithub,
  startFakeGithub,
} from './__testUtils__/fakeGithub';
import { deliverGithubPullRequest } from './githubPullRequest';

/*
 * Pull-request delivery against a small stand-in for GitHub's REST API
 * (only the calls the delivery makes), so what is sent can be read back.
 */

// Octokit over HTTP and git merges: sized for a busy 2-core machine.
jest.setTimeout(60_000);

describe('deliverGithubPullRequest', () => {
  let github: FakeGithub;
  let merge: ThreeWayMerge;
  let integrations: ScmIntegrations;

  const plan = (conflicts: number): UpgradePlan => ({
    entityRef: 'component:default/orders',
    path: { entityRef: 'goldenpath:default/node-http-service', title: 'Node' },
    fromVersion: '2.1.0',
    toVersion: '2.2.0',
    mode: 'merge',
    files: merge.files,
    summary: { changed: merge.files.length, conflicts, flagged: conflicts },
    delivery: {
      kind: 'pull-request',
      branch: 'golden-paths/upgrade-node-http-service',
      repository: 'https://github.example.com/acme/orders/tree/main/',
    },
    timings: { renderMs: 0, mergeMs: 0 },
  });

  beforeAll(async () => {
    github = await startFakeGithub();
    const { port } = github.server.address() as AddressInfo;
    integrations = ScmIntegrations.fromConfig(
      new ConfigReader({
        integrations: {
          github: [
            {
              host: 'github.example.com',
              apiBaseUrl: `http://127.0.0.1:${port}`,
              token: 'secret-token',
            },
          ],
        },
      }),
    );
    merge = await planThreeWayMerge({
      base: [
        file('README.md', 'a\nb\nc\n'),
        file('old.sh', 'echo 1\n', true),
        file('gone.txt', 'x\n'),
      ],
      template: [
        file('README.md', 'a\nb\nC\n'),
        file('new.sh', 'echo 1\n', true),
      ],
      repository: {
        type: 'files',
        files: [
          file('README.md', 'A\nb\nc\n'),
          file('old.sh', 'echo 1\necho 2\n', true),
          file('gone.txt', 'x\n'),
          file('mine.txt', 'mine\n'),
        ],
      },
      labels: {
        repository: 'your repository',
        base: 't 2.1.0',
        template: 't 2.2.0',
      },
    });
  });

  afterAll(async () => {
    await merge?.dispose();
    await new Promise(resolve => github.server.close(resolve));
  });

  const BRANCH_REF = 'heads/golden-paths/upgrade-node-http-service';

  const deliver = (conflicts: number) =>
    deliverGithubPullRequest({
      integrations,
      repositoryUrl: 'https://github.example.com/acme/orders/tree/main/',
      baseCommit: github.head,
      repositoryPaths: new Set(['README.md', 'old.sh', 'gone.txt', 'mine.txt']),
      plan: plan(conflicts),
      merge,
      extraFiles: [file('.golden-paths/scaffold.yaml', 'schemaVersion: 1\n')],
      title: 'Upgrade to Node 2.2.0',
      body: '| file | outcome |',
    });

  /** A delivery with no files of its own, planned at `baseCommit`. */
  const deliverNothing = (repositoryUrl: string, baseCommit?: string) =>
    deliverGithubPullRequest({
      integrations,
      repositoryUrl,
      baseCommit,
      repositoryPaths: new Set(),
      plan: plan(0),
      merge,
      extraFiles: [],
      title: 't',
      body: 'b',
    });

  /** Someone else's commit `id` on the upgrade branch, on top of `parent`. */
  const pushForeignCommit = (id: string, message: string, parent: string) => {
    github.commitsById.set(id, {
      message,
      tree: 'f'.repeat(40),
      parents: [parent],
    });
    github.refs.set(BRANCH_REF, id);
  };

  it('commits the merged files on the upgrade branch and opens one pull request, updated in place', async () => {
    const first = await deliver(1);
    expect(first.url).toBe('https://github.example.com/acme/orders/pull/1');
    expect(github.commits[0].parents).toEqual([github.head]);
    const entries = Object.fromEntries(
      github.trees[0].tree.map((e: any) => [
        e.path,
        e.sha === null
          ? null
          : { mode: e.mode, content: github.blobs.get(e.sha) },
      ]),
    );
    expect(entries).toEqual({
      'README.md': { mode: '100644', content: 'A\nb\nC\n' },
      'old.sh': null,
      'new.sh': { mode: '100755', content: 'echo 1\necho 2\n' },
      'gone.txt': null,
      '.golden-paths/scaffold.yaml': {
        mode: '100644',
        content: 'schemaVersion: 1\n',
      },
    });
    expect(github.trees[0].base_tree).toBe('c'.repeat(40));
    expect(github.commits[0].message).toMatch(
      /^\| file \| outcome \|\n\nGolden-Paths-Upgrade: goldenpath:default\/node-http-service\nGolden-Paths-Tree: [0-9a-f]{40}\n$/,
    );
    expect(github.pulls).toEqual([
      expect.objectContaining({
        number: 1,
        draft: true,
        base: 'main',
        head: 'golden-paths/upgrade-node-http-service',
      }),
    ]);
    expect(
      github.refs.get('heads/golden-paths/upgrade-node-http-service'),
    ).toBe(first.commit);

    const second = await deliver(0);
    expect(second.url).toBe(first.url);
    expect(github.pulls).toHaveLength(1);
    expect(
      github.refs.get('heads/golden-paths/upgrade-node-http-service'),
    ).toBe(second.commit);
    expect(github.calls).toContain('PATCH /pulls/1');
    // On top of the first upgrade, never over it.
    expect(github.commitsById.get(second.commit)?.parents).toEqual([
      first.commit,
    ]);
    expect(github.refUpdates).toEqual([false]);
  });

  it('refuses to move an upgrade branch someone else made, and writes nothing', async () => {
    // Someone's work on a branch of the same name, in a repository an
    // entity's source location names.
    const theirs = 'e'.repeat(40);
    pushForeignCommit(
      theirs,
      'Work in progress on the migration\n',
      github.head,
    );
    const written = [github.blobs.size, github.commits.length];
    const pulls = JSON.stringify(github.pulls);

    await expect(deliver(0)).rejects.toThrow(
      /^The branch golden-paths\/upgrade-node-http-service of acme\/orders exists and ends with a commit Golden Paths did not write \(eeeeeee\)\..*delete the branch, then run the upgrade again/,
    );
    expect(github.refs.get(BRANCH_REF)).toBe(theirs);
    expect([github.blobs.size, github.commits.length]).toEqual(written);
    expect(JSON.stringify(github.pulls)).toBe(pulls);
    expect(github.refUpdates.filter(force => force)).toEqual([]);
  });

  it('refuses an upgrade branch with a commit added on top of its own, or amended', async () => {
    github.refs.delete(BRANCH_REF);
    github.pulls.length = 0;
    const ours = await deliver(0);
    const upgrade = github.commitsById.get(ours.commit)!;
    // A developer resolves a conflict on the branch…
    const fix = 'd'.repeat(40);
    pushForeignCommit(fix, 'Resolve the README conflict\n', ours.commit);
    await expect(deliver(0)).rejects.toThrow(/did not write \(ddddddd\)/);
    expect(github.refs.get(BRANCH_REF)).toBe(fix);
    // …or amends the upgrade commit, keeping its message.
    const amended = '9'.repeat(40);
    github.commitsById.set(amended, { ...upgrade, tree: 'f'.repeat(40) });
    github.refs.set(BRANCH_REF, amended);
    await expect(deliver(0)).rejects.toThrow(/did not write \(9999999\)/);
    expect(github.refs.get(BRANCH_REF)).toBe(amended);
  });

  it('joins the base’s new head as a second parent when the base moved on', async () => {
    github.refs.delete(BRANCH_REF);
    github.pulls.length = 0;
    const first = await deliver(0);
    const moved = '7'.repeat(40);
    const before = github.head;
    github.head = moved;
    try {
      const second = await deliverGithubPullRequest({
        integrations,
        repositoryUrl: 'https://github.example.com/acme/orders/tree/main/',
        baseCommit: moved,
        repositoryPaths: new Set(['README.md', 'old.sh', 'gone.txt']),
        plan: plan(0),
        merge,
        extraFiles: [],
        title: 'Upgrade to Node 2.2.0',
        body: '| file | outcome |',
      });
      expect(github.commitsById.get(second.commit)?.parents).toEqual([
        first.commit,
        moved,
      ]);
      expect(github.refs.get(BRANCH_REF)).toBe(second.commit);
    } finally {
      github.head = before;
    }
  });

  it('refuses to rewrite an open pull request from the branch that it did not open', async () => {
    github.refs.delete(BRANCH_REF);
    github.pulls.length = 0;
    await deliver(0);
    github.pulls[0].body = 'My own description of this pull request';
    await expect(deliver(0)).rejects.toThrow(
      /has an open pull request Golden Paths did not open \(#1\)/,
    );
    expect(github.pulls[0].body).toBe(
      'My own description of this pull request',
    );
  });

  it('refuses to deliver when the default branch moved since the plan', async () => {
    await expect(
      deliverNothing('https://github.example.com/acme/orders', 'd'.repeat(40)),
    ).rejects.toThrow(
      /main moved since the plan was made \(ddddddd → aaaaaaa\); plan the upgrade again/,
    );
  });

  it('says when no integration can open a pull request', async () => {
    await expect(
      deliverNothing('https://gitlab.example.com/acme/orders'),
    ).rejects.toThrow(
      /not on a Git host with an integration that can open pull requests/,
    );
  });
});
