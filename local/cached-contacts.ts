/**
 * The contact directory of one process, its lookups kept in memory: a sweep
 * sends many notices to few recipients, and on one machine the directory
 * changes only through this process's PUT /contacts, which clears the cache.
 */
import type { Contact, PlacedContact } from '../shared/contract/contacts.ts';
import type { ContactDirectoryStore } from '../shared/ports/contact-directory.ts';

export class CachedContacts implements ContactDirectoryStore {
  private readonly known = new Map<string, Promise<Contact | null>>();

  constructor(private readonly store: ContactDirectoryStore) {}

  async replace(provinceIds: readonly string[], contacts: readonly PlacedContact[]): Promise<number> {
    try {
      return await this.store.replace(provinceIds, contacts);
    } finally {
      this.known.clear();
    }
  }

  list(provinceIds: readonly string[]): Promise<PlacedContact[]> {
    return this.store.list(provinceIds);
  }

  contact(recipient: string): Promise<Contact | null> {
    let found = this.known.get(recipient);
    if (!found) {
      found = this.store.contact(recipient);
      // A failed read is not kept: the next notice asks the store again.
      found.catch(() => this.known.delete(recipient));
      this.known.set(recipient, found);
    }
    return found;
  }
}
