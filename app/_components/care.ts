/** The cookie that remembers elderly mode (关怀模式) on this device (app/care-action.ts sets it). */
export const CARE_COOKIE = 'care';
