/** The dataset library: schema, validation, QA, compilation and partial-date utilities. */
export * from './schema';
export * from './validate';
export * from './qa';
export * from './aliases';
export * from './time';
export * from './compile';
export * from './check';
