export * from './tables/org.ts';
export * from './tables/learning.ts';
export * from './tables/imports.ts';
export * from './tables/curricula.ts';
export * from './tables/notices.ts';
export * from './tables/reports.ts';
export * from './tables/jobs.ts';
