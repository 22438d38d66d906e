/**
 * 办事指引: the types, the seeded catalogue (one file per category under service-guide/) and the search.
 */
export * from './service-guide/types';
export { HOTLINE_12345 } from './service-guide/routes';
export { SERVICE_CATALOGUE } from './service-guide/catalogue';
export * from './service-guide/search';
