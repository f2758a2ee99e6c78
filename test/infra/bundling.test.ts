/**
 * The one synthesis with real bundling, as `npm run synth` does it: the
 * local esbuild bundles the three handlers as ESM with source maps, the
 * cdk-nag checks and CloudFormation validation pass, and the template points
 * at those bundles.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { assemble } from '../../infra/assemble.ts';

const outdir = mkdtempSync(join(tmpdir(), 'chibo-cdk-'));
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

describe('synthesis with bundling', () => {
  it('bundles every handler with the local esbuild and synthesises with cdk-nag applied', { timeout: 120_000 }, () => {
    const { app, stack } = assemble({ outdir });
    const assembly = app.synth();
    const template = assembly.getStackByName(stack.stackName).template as { Resources: Record<string, { Type: string; Properties: any }> };
    const functions = Object.entries(template.Resources).filter(([, r]) => r.Type === 'AWS::Lambda::Function');
    expect(functions).toHaveLength(5);
    for (const [id, fn] of functions) {
      const hash = String(fn.Properties.Code.S3Key).replace(/\.zip$/, '');
      const dir = join(outdir, `asset.${hash}`);
      expect(existsSync(join(dir, 'index.mjs')), id).toBe(true);
      expect(existsSync(join(dir, 'index.mjs.map')), id).toBe(true);
      const code = readFileSync(join(dir, 'index.mjs'), 'utf8');
      expect(code, id).toMatch(/export\s*\{[^}]*\bhandler\b[^}]*\}/);
      expect(code, id).toContain('createRequire');
    }
  });
});
