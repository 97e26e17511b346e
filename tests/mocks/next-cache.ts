export const revalidatePath = () => {};
export const revalidateTag = () => {};
