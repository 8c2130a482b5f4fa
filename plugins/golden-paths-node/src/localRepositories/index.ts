export * from './localRepositoriesDirectory';
