export const cookies = async () => ({ get: () => undefined, set: () => {}, delete: () => {} });
export const headers = async () => new Headers();
