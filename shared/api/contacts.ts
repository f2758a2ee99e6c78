/**
 * PUT /contacts and GET /contacts: the contact directory of the provinces an
 * admin holds. A contact is managed in the province of its recipient (a
 * leader's, or the committee's unit's); a recipient the caller's provinces do
 * not have is refused with 403, the same words whether it exists elsewhere or
 * nowhere, so the answer tells no one who serves in another province.
 * Answers and errors name recipients by id, never by address.
 */
import { may, type Caller } from '../auth/caller.ts';
import { committeeUnitOf, ContactDirectory, type PlacedContact } from '../contract/contacts.ts';
import { fromZod } from '../contract/issues.ts';
import { apiError, dotPath, parseBody, type ApiDeps, type ApiRequest, type ApiResponse } from './api-types.ts';

/** The provinces whose directory the caller manages: the stored provinces in their scope (every one for the embedded default's admin). */
export async function heldProvinces(caller: Caller, deps: ApiDeps): Promise<string[]> {
  const provinces = await deps.orgStore.provinces();
  return caller.wholeOrg ? [...provinces] : provinces.filter((p) => caller.scope.includes(p));
}

const NEEDS_ADMIN = 'the contact directory needs the admin role of a province';

export async function putContacts(req: ApiRequest & { caller: Caller }, deps: ApiDeps): Promise<ApiResponse> {
  if (!may(req.caller, 'admin')) return apiError(403, NEEDS_ADMIN);
  const body = parseBody(req.body);
  if (!body.ok) return body.response;
  const parsed = ContactDirectory.safeParse(body.json);
  // Issues name the field (contacts.3.phone) and what was expected, never the value sent.
  if (!parsed.success) return apiError(400, 'invalid contact directory', { errors: fromZod(parsed.error, body.json).map((i) => ({ path: dotPath(i.path), message: i.message })) });
  const held = await heldProvinces(req.caller, deps);
  if (held.length === 0) return apiError(403, NEEDS_ADMIN);
  const { contacts } = parsed.data;
  const units = [...new Set(contacts.flatMap((c) => committeeUnitOf(c.recipient) ?? []))];
  const leaders = [...new Set(contacts.filter((c) => committeeUnitOf(c.recipient) === null).map((c) => c.recipient))];
  const [paths, references] = await Promise.all([deps.orgStore.unitPaths(units), deps.orgStore.eventReferences([], leaders)]);
  const placed: PlacedContact[] = [];
  const refused: Array<{ path: string; message: string }> = [];
  contacts.forEach((c, i) => {
    const unit = committeeUnitOf(c.recipient);
    const provinces = unit === null ? [...(references.leaderProvinces(c.recipient) ?? [])].sort() : (paths.get(unit)?.slice(0, 1) ?? []);
    const provinceId = provinces.find((p) => held.includes(p));
    if (provinceId === undefined) refused.push({ path: `contacts.${i}.recipient`, message: `"${c.recipient}" is not a leader or an inspection committee (ubkt:<unit id>) of your provinces` });
    else placed.push({ ...c, provinceId });
  });
  if (refused.length > 0) return apiError(403, 'contacts for recipients outside your scope', { errors: refused });
  return { status: 200, body: { contacts: await deps.contacts.replace(held, placed) } };
}

export async function getContacts(req: ApiRequest & { caller: Caller }, deps: ApiDeps): Promise<ApiResponse> {
  if (!may(req.caller, 'admin')) return apiError(403, NEEDS_ADMIN);
  if (Object.keys(req.query).length > 0) return apiError(400, 'bad query', { errors: Object.keys(req.query).map((k) => ({ path: k, message: 'unknown parameter' })) });
  const held = await heldProvinces(req.caller, deps);
  const listed = await deps.contacts.list(held);
  const contacts = listed.map(({ provinceId: _, ...c }) => c).sort((a, b) => (a.recipient < b.recipient ? -1 : a.recipient > b.recipient ? 1 : 0));
  return { status: 200, body: { contacts } };
}
