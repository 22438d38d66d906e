export * from './roles';
export * from './permissions';
export * from './org';
export * from './errors';
export * from './api';
export * from './mask';
export * from './cases';
export * from './cases-api';
