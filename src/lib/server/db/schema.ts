export * from './tables/org';
export * from './tables/learning';
