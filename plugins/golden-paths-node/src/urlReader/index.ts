export {
  goldenPathsLocalUrlReaderServiceFactory,
  localRepositoryUrlReaderFactory,
} from './localRepositoryUrlReaderFactory';
