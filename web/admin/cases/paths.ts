/** Where the case pages live in the console (registered in ../pages.tsx). */
export const CASES_PATH = '/admin/cases';
export const ALERTS_PATH = '/admin/case-alerts';
export const REVIEWS_PATH = '/admin/refusal-reviews';
export const SETTINGS_PATH = '/admin/case-settings';

export const casePath = (id: string) => `${CASES_PATH}/${id}`;
