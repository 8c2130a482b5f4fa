export { GoldenPathTemplatesCard } from './GoldenPathTemplatesCard';
