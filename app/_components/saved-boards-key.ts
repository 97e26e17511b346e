/** Where the notice boards kept for offline reading are listed on this device (localStorage). */
export const SAVED_BOARDS_KEY = 'yishi-saved-boards';
