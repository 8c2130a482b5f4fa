/* What every phase of a benchmark run shares: database prefixes, the log. */
export const PREFIX = 'gp_bench_';
export const REPOSITORIES_PREFIX = 'gp_bench_repos_';

export const log = (message: string) =>
  process.stdout.write(`[${new Date().toISOString()}] ${message}\n`);
