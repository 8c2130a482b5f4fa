export * from './TemplateRenderer';
export * from './templateDirectories';
export * from './templateFileUrl';
export * from './templateReadLimits';
export * from './templateRenderServices';
export * from './templateRevision';
export * from './templateTree';
