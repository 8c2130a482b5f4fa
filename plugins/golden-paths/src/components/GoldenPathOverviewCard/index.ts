export { GoldenPathOverviewCard } from './GoldenPathOverviewCard';
