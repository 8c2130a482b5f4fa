export * from './TemplateRenderer';
export * from './templateRevision';
export * from './templateTree';
