/** Compare finding identities (`${kind}|${ruleId}|${subject.type}:${subject.id}|${period}`) of two implementations, on the given rules only. */

export interface Comparison {
  agree: boolean;
  /** Identities chibo found and the peer did not, sorted. */
  onlyChibo: string[];
  /** Identities the peer found and chibo did not, sorted. */
  onlyDuckdb: string[];
  /** Distinct identities compared (of the given rules, from either side). */
  compared: number;
}

/** The rule id of an identity: its second `|` field. */
export function ruleOfIdentity(identity: string): string {
  return identity.split('|')[1] ?? '';
}

export function compareFindings(chibo: string[], duckdb: string[], rules: readonly string[]): Comparison {
  const wanted = new Set(rules);
  const keep = (ids: string[]): Set<string> => new Set(ids.filter((id) => wanted.has(ruleOfIdentity(id))));
  const a = keep(chibo);
  const b = keep(duckdb);
  const byCodeUnit = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);
  const onlyChibo = [...a].filter((id) => !b.has(id)).sort(byCodeUnit);
  const onlyDuckdb = [...b].filter((id) => !a.has(id)).sort(byCodeUnit);
  return { agree: onlyChibo.length === 0 && onlyDuckdb.length === 0, onlyChibo, onlyDuckdb, compared: new Set([...a, ...b]).size };
}
