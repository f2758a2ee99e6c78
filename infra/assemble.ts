/**
 * The CDK app, for infra/app.ts and for the tests: the context of cdk.json
 * (feature flags included) so that tests synthesise what `cdk synth` does,
 * and cdk-nag's AwsSolutions checks as a validation plugin (cdk-nag 3: any
 * unacknowledged finding, error or warning, fails the synthesis).
 */
import { readFileSync } from 'node:fs';
import { App, type Environment, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { ChiboMonitorStack } from './chibo-monitor-stack.ts';
import { projectPath } from './paths.ts';

export const STACK_NAME = 'ChiboMonitorStack';

export interface AssembleOptions {
  /** false skips bundling the functions (fast unit tests); default true. */
  readonly bundle?: boolean;
  /** Apply cdk-nag's AwsSolutions checks; default true. */
  readonly nag?: boolean;
  /** Extra context (e.g. rulePacks, monitorFrom). */
  readonly context?: Record<string, unknown>;
  readonly env?: Environment;
  readonly outdir?: string;
}

function cdkJsonContext(): Record<string, unknown> {
  const cdkJson = JSON.parse(readFileSync(projectPath('cdk.json'), 'utf8')) as { context?: Record<string, unknown> };
  return cdkJson.context ?? {};
}

export function assemble(options: AssembleOptions = {}): { app: App; stack: ChiboMonitorStack } {
  const app = new App({
    ...(options.outdir ? { outdir: options.outdir } : {}),
    context: {
      ...cdkJsonContext(),
      ...(options.bundle === false ? { 'aws:cdk:bundling-stacks': [] } : {}),
      ...options.context,
    },
  });
  const stack = new ChiboMonitorStack(app, STACK_NAME, options.env ? { env: options.env } : {});
  if (options.nag !== false) Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
  return { app, stack };
}
