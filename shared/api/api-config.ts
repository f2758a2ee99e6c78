/** The pipeline's configuration as the API reads it (ApiDeps.config), with the pipeline's own default. */
import { pipelineConfig, type PipelineConfig } from '../use-cases/pipeline-config.ts';
import type { ApiDeps } from './api-types.ts';

const DEFAULT = pipelineConfig({});

export const configOf = (deps: ApiDeps): PipelineConfig => deps.config ?? DEFAULT;
