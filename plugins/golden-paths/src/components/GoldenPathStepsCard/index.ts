export { GoldenPathStepsCard } from './GoldenPathStepsCard';
