export * from './sql';
export * from './unit-of-work';
export * from './lease';
