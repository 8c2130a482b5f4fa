export { GoldenPathCard, type GoldenPathCardProps } from './GoldenPathCard';
