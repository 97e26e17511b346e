/** Where a staff member may give roles, per scope type, by id and name: what the role form offers. */
export interface GrantScopes {
  compound: { id: number; name: string }[];
  community: { id: number; name: string }[];
  street: { id: number; name: string }[];
  district: { id: number; name: string }[];
  company: { id: number; name: string }[];
}
