export { GoldenPathLink } from './GoldenPathLink';
export {
  useCatalogHref,
  useGoldenPathHref,
  useGoldenPathPageHref,
} from './useGoldenPathHref';
