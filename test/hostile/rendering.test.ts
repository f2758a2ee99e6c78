/**
 * Output that people read (notifications, the CLI's table, CLI errors) shows
 * control characters as <U+001B> and never emits them, even for data that
 * reached the store before names refused them; and the JSON-text boundary
 * itself: a BOM, a field given twice, nesting.
 */
import { describe, expect, it } from 'vitest';
import { formatTable } from '../../cli/format-table.ts';
import { InputError } from '../../cli/input-error.ts';
import type { Finding } from '../../shared/contract/findings.ts';
import { parseJsonText } from '../../shared/contract/json-text.ts';
import { Text } from '../../shared/contract/primitives.ts';
import { notificationsFor } from '../../shared/notifications/compose.ts';
import { OrgIndex } from '../../shared/org/org-index.ts';

const UNSAFE = /(?!\n)[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/u;
const HOSTILE = 'Chi bộ \u001b[2J\u001b[31mđỏ\u202eetadpu\u0000\r\nGiả mạo';

const finding: Finding = {
  kind: 'violation',
  ruleId: 'dieu-le/cell-monthly-meeting',
  subject: { type: 'cell', id: 'C1' },
  period: '2026-02',
  dueBy: '2026-02-28T23:59:59+07:00',
  missing: { meetings: 1 },
  evidence: [],
  recipients: ['ubkt:P'],
  message: { vi: `${HOSTILE} chưa sinh hoạt thường kỳ tháng 02/2026`, en: `${HOSTILE} did not meet in 02/2026` },
  citation: 'Điều lệ Đảng, Điều 24',
};

describe('rendering text that carries control characters', () => {
  it('a notification shows them as code points: subject and body, one line per line we wrote', () => {
    const [n] = notificationsFor(finding, 'raised', { provinceId: 'P', unitId: 'C1' });
    expect(n!.subject).not.toMatch(UNSAFE);
    expect(n!.body).not.toMatch(UNSAFE);
    expect(n!.body).toContain('Chi bộ <U+001B>[2J<U+001B>[31mđỏ<U+202E>etadpu<U+0000><U+000D><U+000A>Giả mạo');
    // The input's CR LF did not start a line of its own.
    expect(n!.body.split('\n').some((l) => l.startsWith('Giả mạo'))).toBe(false);
  });

  it('the CLI table shows them as code points, in the subject column and the messages', () => {
    const org = new OrgIndex({ units: [{ id: 'P', name: 'Tỉnh', kind: 'province', parentId: null, tags: [] }, { id: 'C1', name: HOSTILE, kind: 'cell', parentId: 'P', tags: [] }], members: [], leaders: [] });
    const table = formatTable([finding], org, '2026-03-05T00:00:00+07:00');
    expect(table).not.toMatch(UNSAFE);
    expect(table).toContain('<U+001B>[2J');
  });

  it('a CLI error quoting input shows them too, keeping our own line breaks', () => {
    const e = new InputError('org\u001b.json', 3, 'units[0].\u202ename', 'unknown "\u009b31m"\nusage');
    expect(e.message).toBe('org<U+001B>.json:3: units[0].<U+202E>name: unknown "<U+009B>31m"\nusage');
  });
});

describe('names: control and invisible characters refused, the rest normalised', () => {
  it.each([
    ['Chi bộ\u200btổ', 'U+200B at character 7'],
    ['Chi bộ\u001b[31m', 'U+001B at character 7'],
    ['a\ud800b', 'U+D800 at character 2'],
    ['a\u202eb', 'U+202E at character 2'],
  ])('%j is refused, naming the character and where', (name, where) => {
    const parsed = Text.safeParse(name);
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]!.message).toContain(where);
  });

  it('NFD is stored NFC, surrounding whitespace and a leading BOM are trimmed', () => {
    expect(Text.parse('\uFEFF Chi bộ tổ 2\n'.normalize('NFD'))).toBe('Chi bộ tổ 2'.normalize('NFC'));
  });
});

describe('JSON text at the boundary', () => {
  it('a field given twice is refused with its path and line', () => {
    expect(parseJsonText('{"units": [\n {"id": "A",\n  "id": "B"}]}')).toEqual({ ok: false, issue: { path: ['units', 0, 'id'], message: 'the field "id" is given twice in one object', line: 3, syntax: false } });
  });

  it('repeated names are told from escaped quotes, colons inside strings, escaped names and arrays', () => {
    const refused = ['{"a":1,"a":2}', '{"a":"x\\\\","a":2}', '{"a" : {"b":1, "b" :2}}', '{"__proto__":1,"__proto__":2}', '{"a":1,"\\u0061":2}'];
    const accepted = ['{"a":"x\\"","b":2}', '{"a":"\\":\\"","b":1}', '["a","a"]', '{"1":1,"01":2}', '{"x":[{"k":1},{"k":1}]}', '{"a" :\n 1, "b"\t: "a:"}'];
    expect(refused.filter((t) => parseJsonText(t).ok)).toEqual([]);
    expect(accepted.filter((t) => !parseJsonText(t).ok)).toEqual([]);
  });

  it('one leading BOM is skipped, a second is not', () => {
    expect(parseJsonText('\uFEFF{"a":1}')).toEqual({ ok: true, json: { a: 1 } });
    expect(parseJsonText('\uFEFF\uFEFF{"a":1}').ok).toBe(false);
  });

  it('nesting is bounded at 32 levels, and a syntax error says where without quoting the input', () => {
    expect(parseJsonText(`${'['.repeat(32)}${']'.repeat(32)}`).ok).toBe(true);
    const deep = parseJsonText(`${'['.repeat(33)}${']'.repeat(33)}`);
    expect(deep.ok ? null : deep.issue.path).toHaveLength(32);
    const broken = parseJsonText('{"a":\n \u001b[31m}');
    expect(broken).toEqual({ ok: false, issue: { path: [], message: 'invalid JSON (InvalidSymbol at line 2, column 2)', line: 2, syntax: true } });
  });
});
