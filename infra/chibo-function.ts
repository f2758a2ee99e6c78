/**
 * Every Lambda function of the stack: Node.js 22 on arm64, bundled as ESM by
 * the local esbuild (no Docker), X-Ray tracing, Powertools settings, its own
 * log group with a retention, and its own role that may write only to that
 * log group (no AWSLambdaBasicExecutionRole managed policy).
 */
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { CREDENTIALS_ALIAS, ESM_REQUIRE_BANNER } from './bundling.ts';
import { PROJECT_ROOT, projectPath } from './paths.ts';

export const POWERTOOLS_SERVICE_NAME = 'chibo-monitor';
export const METRICS_NAMESPACE = 'ChiboMonitor';


export interface ChiboFunctionProps {
  /** Handler file relative to the project root, e.g. functions/http-api/handler.ts (exports `handler`). */
  readonly entry: string;
  readonly description: string;
  readonly environment?: Record<string, string>;
  readonly timeout?: Duration;
  readonly memorySize?: number;
  readonly logRetention?: logs.RetentionDays;
  /** The AWS Parameters and Secrets extension, for a function that reads a secret at run time (the delivery function's ZNS token). */
  readonly paramsAndSecrets?: lambda.ParamsAndSecretsLayerVersion;
}

export class ChiboFunction extends NodejsFunction {
  constructor(scope: Construct, id: string, props: ChiboFunctionProps) {
    const logGroup = new logs.LogGroup(scope, `${id}Logs`, {
      retention: props.logRetention ?? logs.RetentionDays.THREE_MONTHS,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const role = new iam.Role(scope, `${id}Role`, {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `${props.description} (execution role)`,
    });
    logGroup.grantWrite(role);

    super(scope, id, {
      entry: projectPath(props.entry),
      handler: 'handler',
      description: props.description,
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(30),
      tracing: lambda.Tracing.ACTIVE,
      ...(props.paramsAndSecrets ? { paramsAndSecrets: props.paramsAndSecrets } : {}),
      role,
      logGroup,
      projectRoot: PROJECT_ROOT,
      depsLockFilePath: projectPath('package-lock.json'),
      bundling: {
        format: OutputFormat.ESM,
        target: 'node22',
        platform: 'node',
        mainFields: ['module', 'main'],
        minify: true,
        sourceMap: true,
        // The deployed code runs the SDK versions the tests ran, not the runtime's copy.
        externalModules: [],
        banner: ESM_REQUIRE_BANNER,
        esbuildArgs: Object.fromEntries(Object.entries(CREDENTIALS_ALIAS).map(([from, to]) => [`--alias:${from}`, to])),
        forceDockerBundling: false,
      },
      environment: {
        POWERTOOLS_SERVICE_NAME,
        POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE,
        POWERTOOLS_LOG_LEVEL: 'INFO',
        NODE_OPTIONS: '--enable-source-maps',
        ...props.environment,
      },
    });

    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: 'Active X-Ray tracing needs xray:PutTraceSegments and xray:PutTelemetryRecords, which support no resource-level permissions (Resource "*"); no other statement of the role has Resource "*".',
    });
    Validations.of(this).acknowledge({
      id: 'AwsSolutions-L1',
      reason: 'nodejs22.x (an LTS line in support) is the runtime the project pins and tests its bundles against; moving to nodejs24.x is a tested change of its own, not a side effect of a linter.',
    });
  }

  /**
   * Acknowledge cdk-nag AwsSolutions-IAM5 findings on this function's role for
   * wildcards that a grant method writes (an index/* resource,
   * kms:GenerateDataKey*), one finding at a time, with the reason.
   */
  allowGrantWildcards(findings: string[], reason: string): void {
    if (!this.role) throw new Error('ChiboFunction always has a role');
    for (const finding of findings) Validations.of(this.role).acknowledge({ id: `AwsSolutions-IAM5[${finding}]`, reason });
  }
}
