/** Every table of GovHall, for migrations and for backup/restore (in dependency order). */
export * from './modules/organisation/schema.ts';
export * from './platform/auth/schema.ts';
export * from './platform/audit/schema.ts';
export * from './modules/calendar/schema.ts';
export * from './modules/catalogue/schema.ts';
export * from './modules/files/schema.ts';
export * from './platform/events/schema.ts';
export * from './modules/queue/schema.ts';
export * from './modules/cases/schema.ts';
