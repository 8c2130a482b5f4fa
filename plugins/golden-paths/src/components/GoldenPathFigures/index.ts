export { GoldenPathFigures } from './GoldenPathFigures';
export { relativeTime } from './relativeTime';
