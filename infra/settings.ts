/** Settings the pipeline functions share, from the CDK context (cdk.json or `-c key=value`). */
import type { Node } from 'constructs';

export interface PipelineSettings {
  /** RULE_PACKS: packs that govern every unit, comma-separated (dieu-le always does). */
  readonly rulePacks?: string;
  /** MONITOR_FROM: the first month evaluated, YYYY-MM. */
  readonly monitorFrom?: string;
}

export function pipelineSettings(node: Node): PipelineSettings {
  const text = (key: string): string | undefined => {
    const value: unknown = node.tryGetContext(key);
    return value === undefined || value === null || value === '' ? undefined : String(value);
  };
  const rulePacks = text('rulePacks');
  const monitorFrom = text('monitorFrom');
  return { ...(rulePacks ? { rulePacks } : {}), ...(monitorFrom ? { monitorFrom } : {}) };
}

/** The environment variables shared/use-cases/pipeline-config.ts (pipelineConfig) reads. */
export function settingsEnvironment(settings: PipelineSettings): Record<string, string> {
  return {
    ...(settings.rulePacks ? { RULE_PACKS: settings.rulePacks } : {}),
    ...(settings.monitorFrom ? { MONITOR_FROM: settings.monitorFrom } : {}),
  };
}
