import { execFileSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { connectTo } from './backend';
import type { Machine } from './reportTypes';

/* The machine and the code a benchmark run measured, for its report. */
export async function machine(): Promise<Machine> {
  const db = connectTo('postgres');
  const { rows } = await db.raw('select version() as version');
  const autovacuum = await db.raw('show autovacuum');
  await db.destroy();
  return {
    cpus: `${cpus().length} × ${cpus()[0]?.model.trim()}`,
    memoryGb: totalmem() / 1024 ** 3,
    node: process.version,
    postgres: String(rows[0].version).split(' on ')[0],
    date: new Date().toISOString(),
    loadAverage: loadavg()
      .map(l => l.toFixed(2))
      .join(' '),
    autovacuum: String(autovacuum.rows[0].autovacuum),
  };
}

/** The commit measured, and whether the plugin's own files differ from it. */
export function codeVersion(): string {
  const git = (...args: string[]) =>
    execFileSync('git', args, { cwd: join(__dirname, '..') })
      .toString()
      .trim();
  const changed = git('status', '--porcelain', '--', 'src', 'migrations');
  return `commit ${git('log', '-1', '--format=%h %s')}${
    changed ? ' (with uncommitted changes in src/ or migrations/)' : ''
  }`;
}
