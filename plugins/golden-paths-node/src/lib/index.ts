export * from './forEachConcurrently';
