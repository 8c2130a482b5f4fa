export * from './scaffoldRecord';
export * from './scaffoldRecordYaml';
export * from './scaffoldContext';
export * from './recordableValues';
export * from './manifest';
