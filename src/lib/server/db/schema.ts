export * from './tables/org';
export * from './tables/learning';
export * from './tables/imports';
export * from './tables/curricula';
export * from './tables/notices';
export * from './tables/reports';
export * from './tables/jobs';
