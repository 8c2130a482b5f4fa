export { GoldenPathHistoryCard } from './GoldenPathHistoryCard';
