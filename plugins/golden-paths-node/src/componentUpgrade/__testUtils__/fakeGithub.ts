import { createServer, type Server } from 'node:http';
import type { TreeFile } from '../../upgrade/types';

/*
 * A small stand-in for GitHub's REST API (only the calls pull-request
 * delivery makes), so what is sent can be read back.
 */

/** What the stand-in holds and was sent. */
export interface FakeGithub {
  server: Server;
  head: string;
  blobs: Map<string, string>;
  trees: Array<{ base_tree: string; tree: any[] }>;
  commits: Array<{ message: string; tree: string; parents: string[] }>;
  /** Every commit by id: those the delivery made, and any a test adds. */
  commitsById: Map<
    string,
    { message: string; tree: string; parents: string[] }
  >;
  refs: Map<string, string>;
  /** The `force` of each branch update. */
  refUpdates: boolean[];
  pulls: Array<{
    number: number;
    title: string;
    body: string;
    draft: boolean;
    head: string;
    base: string;
  }>;
  calls: string[];
}

/** Starts the stand-in on a free port of 127.0.0.1. */
export function startFakeGithub(): Promise<FakeGithub> {
  const github: FakeGithub = {
    server: undefined as unknown as Server,
    head: 'a'.repeat(40),
    blobs: new Map(),
    trees: [],
    commits: [],
    commitsById: new Map(),
    refs: new Map(),
    refUpdates: [],
    pulls: [],
    calls: [],
  };
  let counter = 0;
  const sha = () => (++counter).toString(16).padStart(40, 'b');
  github.server = createServer(async (req, res) => {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    const body = raw ? JSON.parse(raw) : undefined;
    const url = new URL(req.url!, 'http://x');
    // Octokit encodes the slashes of a ref; GitHub takes both forms.
    const path = decodeURIComponent(url.pathname).replace(
      /^\/repos\/acme\/orders/,
      '',
    );
    github.calls.push(`${req.method} ${path}`);
    const send = (status: number, data: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(data));
    };
    if (req.headers.authorization !== 'token secret-token') {
      return send(401, { message: 'Bad credentials' });
    }
    if (req.method === 'GET' && path === '') {
      return send(200, { default_branch: 'main' });
    }
    if (req.method === 'GET' && path === '/git/ref/heads/main') {
      return send(200, { object: { sha: github.head } });
    }
    if (req.method === 'GET' && path.startsWith('/git/ref/heads/')) {
      const current = github.refs.get(path.slice('/git/ref/'.length));
      return current
        ? send(200, { object: { sha: current } })
        : send(404, { message: 'Not Found' });
    }
    if (req.method === 'GET' && path.startsWith('/git/commits/')) {
      const known = github.commitsById.get(path.slice('/git/commits/'.length));
      return send(
        200,
        known
          ? {
              message: known.message,
              tree: { sha: known.tree },
              parents: known.parents.map(parent => ({ sha: parent })),
            }
          : { message: 'Base', tree: { sha: 'c'.repeat(40) }, parents: [] },
      );
    }
    if (req.method === 'POST' && path === '/git/blobs') {
      const id = sha();
      github.blobs.set(
        id,
        Buffer.from(body.content, 'base64').toString('utf8'),
      );
      return send(201, { sha: id });
    }
    if (req.method === 'POST' && path === '/git/trees') {
      github.trees.push(body);
      return send(201, { sha: sha() });
    }
    if (req.method === 'POST' && path === '/git/commits') {
      github.commits.push(body);
      const id = sha();
      github.commitsById.set(id, body);
      return send(201, { sha: id });
    }
    if (req.method === 'PATCH' && path.startsWith('/git/refs/heads/')) {
      const ref = decodeURIComponent(path.slice('/git/refs/'.length));
      const current = github.refs.get(ref);
      if (!current) {
        return send(422, { message: 'Reference does not exist' });
      }
      github.refUpdates.push(body.force === true);
      const parents = github.commitsById.get(body.sha)?.parents ?? [];
      if (!body.force && !parents.includes(current)) {
        return send(422, { message: 'Update is not a fast forward' });
      }
      github.refs.set(ref, body.sha);
      return send(200, { object: { sha: body.sha } });
    }
    if (req.method === 'POST' && path === '/git/refs') {
      const ref = body.ref.replace(/^refs\//, '');
      if (github.refs.has(ref)) {
        return send(422, { message: 'Reference already exists' });
      }
      github.refs.set(ref, body.sha);
      return send(201, { object: { sha: body.sha } });
    }
    if (req.method === 'GET' && path === '/pulls') {
      const head = url.searchParams.get('head');
      return send(
        200,
        github.pulls
          .filter(p => `acme:${p.head}` === head)
          .map(p => ({ number: p.number, body: p.body })),
      );
    }
    if (req.method === 'POST' && path === '/pulls') {
      const pull = { number: github.pulls.length + 1, ...body };
      github.pulls.push(pull);
      return send(201, {
        html_url: `https://github.example.com/acme/orders/pull/${pull.number}`,
      });
    }
    if (req.method === 'PATCH' && path.startsWith('/pulls/')) {
      const pull = github.pulls.find(p => `/pulls/${p.number}` === path)!;
      Object.assign(pull, body);
      return send(200, {
        html_url: `https://github.example.com/acme/orders/pull/${pull.number}`,
      });
    }
    return send(404, { message: `not faked: ${req.method} ${path}` });
  });
  return new Promise(resolve =>
    github.server.listen(0, '127.0.0.1', () => resolve(github)),
  );
}

/** A file of a tree. */
export const file = (
  path: string,
  content: string,
  executable = false,
): TreeFile => ({
  path,
  content: Buffer.from(content),
  executable,
});
