export * from './localRepositoriesDirectory';
export * from './repositoryLocation';
export * from './repositoryFolder';
export * from './localGitDirectory';
