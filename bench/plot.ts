/**
 * docs/throughput.svg: meetings per second against the number of meetings
 * evaluated, for chibo and its DuckDB peer, at each scale of the benchmark,
 * with the one-core target of 20,000 meetings/s (issue 18). Plain SVG, log-scaled x axis.
 */
interface EnginePoint {
  scale: string;
  meetings: number;
  meetingsPerSecond: number;
}
interface PeerPoint {
  scale: string;
  seconds: number;
  chiboSeconds: number;
}

const W = 640;
const H = 400;
const M = { left: 80, right: 150, top: 40, bottom: 60 };
const TARGET = 20_000;

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const k = (n: number): string => `${Math.round(n / 1000)}k`;

export function throughputSvg(engine: readonly EnginePoint[], peer: readonly PeerPoint[]): string {
  const meetingsOf = new Map(engine.map((e) => [e.scale, e.meetings]));
  const series = [
    { name: 'chibo, all packs', colour: '#c62828', points: engine.map((e) => [e.meetings, e.meetingsPerSecond] as const) },
    { name: 'chibo, peer checks', colour: '#ef9a9a', points: peer.map((p) => [meetingsOf.get(p.scale)!, meetingsOf.get(p.scale)! / p.chiboSeconds] as const) },
    { name: 'DuckDB, peer checks', colour: '#1565c0', points: peer.map((p) => [meetingsOf.get(p.scale)!, meetingsOf.get(p.scale)! / p.seconds] as const) },
  ];
  const xs = series.flatMap((s) => s.points.map((p) => p[0]));
  const ys = series.flatMap((s) => s.points.map((p) => p[1]));
  const xMin = Math.log10(Math.min(...xs) / 2);
  const xMax = Math.log10(Math.max(...xs) * 2);
  const yMax = Math.max(TARGET, ...ys) * 1.15;
  const x = (v: number): number => M.left + ((Math.log10(v) - xMin) / (xMax - xMin)) * (W - M.left - M.right);
  const y = (v: number): number => H - M.bottom - (v / yMax) * (H - M.top - M.bottom);
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12">`,
    `<rect width="${W}" height="${H}" fill="white"/>`,
    `<text x="${W / 2 - 60}" y="22" text-anchor="middle" font-size="14">Throughput against scale (one core)</text>`,
    `<line x1="${M.left}" y1="${H - M.bottom}" x2="${W - M.right}" y2="${H - M.bottom}" stroke="black"/>`,
    `<line x1="${M.left}" y1="${M.top}" x2="${M.left}" y2="${H - M.bottom}" stroke="black"/>`,
    `<text x="${(M.left + W - M.right) / 2}" y="${H - 15}" text-anchor="middle">meetings evaluated (log scale)</text>`,
    `<text x="20" y="${(M.top + H - M.bottom) / 2}" text-anchor="middle" transform="rotate(-90 20 ${(M.top + H - M.bottom) / 2})">meetings per second</text>`,
  ];
  for (let i = 0; i <= 5; i++) {
    const v = (yMax / 5) * i;
    out.push(`<line x1="${M.left - 4}" y1="${y(v)}" x2="${W - M.right}" y2="${y(v)}" stroke="#eee"/>`, `<text x="${M.left - 8}" y="${y(v) + 4}" text-anchor="end">${k(v)}</text>`);
  }
  for (const e of engine) out.push(`<text x="${x(e.meetings)}" y="${H - M.bottom + 18}" text-anchor="middle">${esc(e.scale)} (${k(e.meetings)})</text>`);
  out.push(`<line x1="${M.left}" y1="${y(TARGET)}" x2="${W - M.right}" y2="${y(TARGET)}" stroke="#2e7d32" stroke-dasharray="6 4"/>`, `<text x="${W - M.right + 6}" y="${y(TARGET) + 4}" fill="#2e7d32">target 20k/s, one core</text>`);
  series.forEach((s, i) => {
    const pts = s.points.map(([a, b]) => `${x(a).toFixed(1)},${y(b).toFixed(1)}`).join(' ');
    if (s.points.length > 1) out.push(`<polyline points="${pts}" fill="none" stroke="${s.colour}" stroke-width="2"/>`);
    for (const [a, b] of s.points) out.push(`<circle cx="${x(a).toFixed(1)}" cy="${y(b).toFixed(1)}" r="4" fill="${s.colour}"><title>${esc(s.name)}: ${Math.round(b)} meetings/s</title></circle>`);
    out.push(`<rect x="${W - M.right + 6}" y="${M.top + 20 * i + 30}" width="12" height="12" fill="${s.colour}"/>`, `<text x="${W - M.right + 22}" y="${M.top + 20 * i + 40}">${esc(s.name)}</text>`);
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
