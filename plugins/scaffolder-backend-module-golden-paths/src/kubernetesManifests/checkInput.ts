import type { z } from 'zod/v3';
import { isCronSchedule } from './cron';
import { positiveMemory, positiveQuantity } from './quantities';
import type { ManifestsInput } from './schema';
import { LONG_RUNNING } from './workloads';

type Issue = (path: (string | number)[], message: string) => void;

/**
 * The rules between the input's fields, each problem reported with its
 * field: quantities and limits against requests, writable directories,
 * replica bounds, and what each workload needs.
 */
export function checkInput(input: ManifestsInput, ctx: z.RefinementCtx) {
  const issue: Issue = (path, message) =>
    ctx.addIssue({ code: 'custom', path, message });
  checkResources(input, issue);
  checkWritableDirs(input, issue);
  if (input.autoscaling.maxReplicas < input.autoscaling.minReplicas) {
    issue(
      ['autoscaling', 'maxReplicas'],
      'must be at least autoscaling.minReplicas',
    );
  }
  checkWorkload(input, issue);
}

function checkResources({ resources }: ManifestsInput, issue: Issue) {
  const cpuRequest = positiveQuantity(resources.cpuRequest);
  const memoryRequest = positiveMemory(resources.memoryRequest);
  const memoryLimit = positiveMemory(resources.memoryLimit);
  const cpuLimit =
    resources.cpuLimit === undefined
      ? undefined
      : positiveQuantity(resources.cpuLimit);
  if (typeof cpuRequest === 'string') {
    issue(['resources', 'cpuRequest'], cpuRequest);
  }
  if (typeof memoryRequest === 'string') {
    issue(['resources', 'memoryRequest'], memoryRequest);
  }
  if (typeof memoryLimit === 'string') {
    issue(['resources', 'memoryLimit'], memoryLimit);
  }
  if (typeof cpuLimit === 'string') {
    issue(['resources', 'cpuLimit'], cpuLimit);
  }
  if (
    typeof memoryRequest === 'number' &&
    typeof memoryLimit === 'number' &&
    memoryLimit < memoryRequest
  ) {
    issue(
      ['resources', 'memoryLimit'],
      'must be at least resources.memoryRequest',
    );
  }
  if (
    typeof cpuRequest === 'number' &&
    typeof cpuLimit === 'number' &&
    cpuLimit < cpuRequest
  ) {
    issue(['resources', 'cpuLimit'], 'must be at least resources.cpuRequest');
  }
}

function checkWritableDirs({ writableDirs }: ManifestsInput, issue: Issue) {
  writableDirs.forEach((dir, index) => {
    if (dir.split('/').some(part => part === '..' || part === '.')) {
      issue(['writableDirs', index], 'must not contain . or .. segments');
    }
    if (writableDirs.indexOf(dir) !== index) {
      issue(['writableDirs', index], 'is listed twice');
    }
  });
}

function checkWorkload(input: ManifestsInput, issue: Issue) {
  if (LONG_RUNNING.includes(input.workload) && !/^[a-z]/.test(input.name)) {
    issue(['name'], 'must start with a letter, as it also names a Service');
  }
  // The CronJob controller appends an 11-character suffix to Job names.
  if (input.workload === 'data' && input.name.length > 52) {
    issue(['name'], 'must be at most 52 characters for a CronJob');
  }
  if (input.workload === 'data' && !isCronSchedule(input.schedule)) {
    issue(['schedule'], 'must be a five-field cron expression or @hourly etc.');
  }
  if (input.workload === 'spark-job') {
    if (!input.spark) {
      issue(['spark'], "is required for workload 'spark-job'");
    } else if (input.spark.type === 'Scala' && !input.spark.mainClass) {
      issue(['spark', 'mainClass'], 'is required for Scala applications');
    }
  }
  if (input.workload === 'network-function') {
    checkNetworkFunction(input, issue);
  }
}

function checkNetworkFunction(input: ManifestsInput, issue: Issue) {
  const nf = input.networkFunction;
  if (!nf) {
    issue(
      ['networkFunction', 'networks'],
      "is required for workload 'network-function'",
    );
    return;
  }
  if (nf.hugepages2Mi !== undefined) {
    const hugepages = positiveMemory(nf.hugepages2Mi);
    if (typeof hugepages === 'string') {
      issue(['networkFunction', 'hugepages2Mi'], hugepages);
    } else if (hugepages % (2 * 1024 * 1024) !== 0) {
      issue(['networkFunction', 'hugepages2Mi'], 'must be a multiple of 2Mi');
    }
  }
  if (nf.sriovCount !== undefined && !nf.sriovResource) {
    issue(
      ['networkFunction', 'sriovCount'],
      'needs networkFunction.sriovResource',
    );
  }
  // DPDK poll-mode drivers spin at 100% CPU by design, so a CPU based HPA
  // would always scale to maxReplicas.
  if (nf.dpdk && input.autoscaling.mode === 'hpa') {
    issue(
      ['autoscaling', 'mode'],
      "cannot be 'hpa' for a DPDK network function: poll-mode drivers keep CPU at 100%",
    );
  }
}
