import type { Contact, PlacedContact } from '../contract/contacts.ts';

/** The contact directory as stored: one contact per recipient, each managed by the admins of one province. */
export interface ContactDirectoryStore {
  /** Makes these provinces' contacts exactly `contacts` (each placed in one of them); returns how many are stored. */
  replace(provinceIds: readonly string[], contacts: readonly PlacedContact[]): Promise<number>;
  /** The contacts managed in these provinces, by recipient. */
  list(provinceIds: readonly string[]): Promise<PlacedContact[]>;
  /** How a recipient is reached; null when the directory has no contact for them. */
  contact(recipient: string): Promise<Contact | null>;
}
