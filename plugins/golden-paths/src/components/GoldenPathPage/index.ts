export { GoldenPathPage } from './GoldenPathPage';
export { GoldenPathEntityContent } from './GoldenPathEntityContent';
