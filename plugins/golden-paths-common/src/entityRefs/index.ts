export {
  entityRefKey,
  normalizeEntityRef,
  tryParseEntityRef,
  type EntityRefRules,
} from './entityRefKey';
export {
  checkEntityRef,
  type EntityRefProblem,
  type EntityRefResult,
} from './checkEntityRef';
export { describeEntityRefProblem } from './describeEntityRefProblem';
export { parseGoldenPathRef } from './goldenPathRef';
