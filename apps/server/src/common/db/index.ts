export * from './sql';
export * from './unit-of-work';
export * from './lease';
export * from './entity-columns';
export * from './figure-target';
