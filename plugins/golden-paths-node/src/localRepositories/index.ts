export * from './localRepositoriesDirectory';
export * from './repositoryLocation';
