export { GoldenPathGuaranteesCard } from './GoldenPathGuaranteesCard';
