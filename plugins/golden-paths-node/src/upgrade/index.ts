export { planThreeWayMerge } from './planThreeWayMerge';
export {
  commitToLocalBranch,
  type CommitToLocalBranchOptions,
} from './commitToLocalBranch';
export { GitCommandError } from './git';
export type {
  RepositorySide,
  ThreeWayMerge,
  ThreeWayMergeOptions,
  ThreeWayMergeTimings,
  TreeFile,
} from './types';
