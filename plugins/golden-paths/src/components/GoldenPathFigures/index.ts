export { GoldenPathFigures } from './GoldenPathFigures';
