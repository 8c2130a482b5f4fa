export * from './GoldenPathEntityV1alpha1';
export {
  validateGoldenPathEntity,
  goldenPathEntityV1alpha1Schema,
} from './validateGoldenPathEntity';
export { isSafeLinkUrl } from './linkUrl';
