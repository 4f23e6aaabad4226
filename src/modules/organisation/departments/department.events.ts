/**
 * The change-feed topic of departments (key: the centre id): other modules that show a
 * department's name (the public catalogue) hear of a rename or a retirement.
 */
export const DEPARTMENT_TOPIC = 'department';
