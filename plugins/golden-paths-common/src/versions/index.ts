export {
  compareVersions,
  compareVersionsNewestFirst,
  isSemver,
} from './semver';
