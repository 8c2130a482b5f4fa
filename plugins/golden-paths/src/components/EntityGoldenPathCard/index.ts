export {
  EntityGoldenPathCard,
  type EntityGoldenPathCardProps,
} from './EntityGoldenPathCard';
