/**
 * The contact directory in the table: one item per recipient (`CONTACT#<id>`),
 * listed in by-province under its managing province. The table is encrypted
 * with the stack's key; nothing here logs an item.
 */
import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Contact, type PlacedContact } from '../../shared/contract/contacts.ts';
import type { ContactDirectoryStore } from '../../shared/ports/contact-directory.ts';
import { mapLimit } from '../../shared/concurrency.ts';
import { batchWrite, queryAll } from './batch.ts';
import { contactKey, contactSortKey, provincePartition } from './keys.ts';
import { TABLE } from './table-definition.ts';

type ContactItem = { pk: string; sk: string; gsi2pk: string; gsi2sk: string; provinceId: string; contact: Contact };

export class DynamoContactDirectory implements ContactDirectoryStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async replace(provinceIds: readonly string[], contacts: readonly PlacedContact[]): Promise<number> {
    const before = await this.list(provinceIds);
    const kept = new Set(contacts.map((c) => c.recipient));
    const items: ContactItem[] = contacts.map(({ provinceId, ...contact }) => ({
      ...contactKey(contact.recipient),
      gsi2pk: provincePartition(provinceId),
      gsi2sk: contactSortKey(contact.recipient),
      provinceId,
      contact,
    }));
    await batchWrite(this.db, this.table, [
      ...items.map((put) => ({ put })),
      ...before.filter((c) => !kept.has(c.recipient)).map((c) => ({ delete: contactKey(c.recipient) })),
    ]);
    return items.length;
  }

  async list(provinceIds: readonly string[]): Promise<PlacedContact[]> {
    const pages = await mapLimit(provinceIds, 8, (provinceId) =>
      queryAll(this.db, {
        TableName: this.table,
        IndexName: TABLE.indexes.byProvince.indexName,
        KeyConditionExpression: 'gsi2pk = :p AND begins_with(gsi2sk, :c)',
        ExpressionAttributeValues: { ':p': provincePartition(provinceId), ':c': contactSortKey('') },
      }),
    );
    return pages.flat().map((item) => ({ ...Contact.parse((item as ContactItem).contact), provinceId: (item as ContactItem).provinceId }));
  }

  async contact(recipient: string): Promise<Contact | null> {
    const res = await this.db.send(new GetCommand({ TableName: this.table, Key: contactKey(recipient), ConsistentRead: true }));
    return res.Item ? Contact.parse((res.Item as ContactItem).contact) : null;
  }
}
