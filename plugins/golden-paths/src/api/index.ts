export { goldenPathsApiRef } from './GoldenPathsApi';
