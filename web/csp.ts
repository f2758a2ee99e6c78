/** Same-origin only: the bundle, its chunks and the stylesheet; no inline script or style, nothing from elsewhere. Served by the embedded default (web/serve.ts) and by CloudFront (infra/dashboard.ts). */
export const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
