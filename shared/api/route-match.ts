/**
 * Route templates with path parameters, as API Gateway writes them
 * (`/units/{id}/members`): the embedded server and the Lambda both route
 * through handleRequest, so the template is matched here, once.
 */

/** The parameters of `path` under `template`, or null when it does not match; a parameter is one non-empty segment, percent-decoded. */
export function matchTemplate(template: string, path: string): Record<string, string> | null {
  const want = template.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i]!;
    const g = got[i]!;
    const name = /^\{([a-zA-Z]+)\}$/.exec(w)?.[1];
    if (name === undefined) {
      if (w !== g) return null;
      continue;
    }
    if (g === '') return null;
    try {
      params[name] = decodeURIComponent(g);
    } catch {
      // A malformed escape (%E0%A4) is no unit id: the route does not match.
      return null;
    }
  }
  return params;
}

/** The first route of the table whose template matches, with its parameters: exact templates are tried first. */
export function findRoute<T>(table: Readonly<Record<string, T>>, path: string): { routes: T; params: Record<string, string> } | null {
  const exact = Object.hasOwn(table, path) ? table[path] : undefined;
  if (exact !== undefined) return { routes: exact, params: {} };
  for (const [template, routes] of Object.entries(table)) {
    if (!template.includes('{')) continue;
    const params = matchTemplate(template, path);
    if (params) return { routes, params };
  }
  return null;
}
