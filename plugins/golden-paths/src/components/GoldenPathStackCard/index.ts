export { GoldenPathStackCard } from './GoldenPathStackCard';
