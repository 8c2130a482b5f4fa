export { GoldenPathVersionsCard } from './GoldenPathVersionsCard';
