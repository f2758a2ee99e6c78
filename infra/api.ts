/**
 * The HTTP API of DESIGN.md ("HTTP API"): API Gateway HTTP API → the http-api
 * function, behind a JWT authorizer on a Cognito user pool created here.
 * Users carry their scope in the custom attribute `custom:units`
 * (comma-separated unit ids) and their roles as groups (recorder, inspector,
 * admin); both reach the function as claims of the ID token.
 */
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { AccessLogField, AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as events from 'aws-cdk-lib/aws-events';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { ChiboFunction } from './chibo-function.ts';
import type { Ledger } from './ledger.ts';
import { type PipelineSettings, settingsEnvironment } from './settings.ts';

/** The roles of DESIGN.md, as Cognito groups. */
export const ROLE_GROUPS = ['recorder', 'inspector', 'admin'] as const;

/** The routes of DESIGN.md, GET /report (docs/reports.md) and the dashboard's; only /health is open. */
export const ROUTES = [
  { method: apigw.HttpMethod.GET, path: '/health', open: true },
  { method: apigw.HttpMethod.PUT, path: '/org', open: false },
  { method: apigw.HttpMethod.POST, path: '/events', open: false },
  { method: apigw.HttpMethod.GET, path: '/findings', open: false },
  { method: apigw.HttpMethod.GET, path: '/obligations', open: false },
  { method: apigw.HttpMethod.GET, path: '/report', open: false },
  // The dashboard's routes (docs/dashboard.md).
  { method: apigw.HttpMethod.GET, path: '/heatmap', open: false },
  { method: apigw.HttpMethod.GET, path: '/meetings', open: false },
  { method: apigw.HttpMethod.GET, path: '/rules', open: false },
  { method: apigw.HttpMethod.POST, path: '/decisions', open: false },
  // Delivery: the contact directory and the delivery log (docs/operations.md, "Delivery").
  { method: apigw.HttpMethod.PUT, path: '/contacts', open: false },
  { method: apigw.HttpMethod.GET, path: '/contacts', open: false },
  { method: apigw.HttpMethod.GET, path: '/deliveries', open: false },
  // Recording meetings in the dashboard (issue 17); {id} is a path parameter, matched again by handleRequest.
  { method: apigw.HttpMethod.GET, path: '/cells', open: false },
  { method: apigw.HttpMethod.GET, path: '/units/{id}/members', open: false },
  { method: apigw.HttpMethod.POST, path: '/events/preview', open: false },
  { method: apigw.HttpMethod.GET, path: '/quality-sheets', open: false },
] as const;

/** A route's path as a CloudFront path pattern: a `{parameter}` segment becomes `*`. */
export const cloudFrontPattern = (path: string): string => path.replace(/\{[^}/]+\}/g, '*');

export interface ApiProps {
  readonly ledger: Ledger;
  readonly bus: events.IEventBus;
  readonly settings: PipelineSettings;
}

export class Api extends Construct {
  readonly userPool: cognito.UserPool;
  readonly userPoolClient: cognito.UserPoolClient;
  readonly httpApi: apigw.HttpApi;
  readonly stage: apigw.HttpStage;
  readonly handler: ChiboFunction;

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);

    this.userPool = new cognito.UserPool(this, 'UserPool', {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      autoVerify: { email: true },
      standardAttributes: { email: { required: true, mutable: true }, fullname: { required: false, mutable: true } },
      customAttributes: {
        // The caller's scope: the units whose subtrees they may read and write.
        units: new cognito.StringAttribute({ minLen: 1, maxLen: 2048, mutable: true }),
      },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      mfa: cognito.Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const role of ROLE_GROUPS) {
      this.userPool.addGroup(`${role[0]!.toUpperCase()}${role.slice(1)}Group`, { groupName: role, description: `chibo-monitor role: ${role}` });
    }

    this.userPoolClient = this.userPool.addClient('ApiClient', {
      authFlows: { userSrp: true, userPassword: true },
      disableOAuth: true,
      generateSecret: false,
      preventUserExistenceErrors: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
      readAttributes: new cognito.ClientAttributes()
        .withStandardAttributes({ email: true, emailVerified: true, fullname: true })
        .withCustomAttributes('units'),
      // A user must never widen their own scope: custom:units is written by admins only.
      writeAttributes: new cognito.ClientAttributes().withStandardAttributes({ fullname: true }),
    });

    this.handler = new ChiboFunction(this, 'HttpApiHandler', {
      entry: 'functions/http-api/handler.ts',
      description: 'chibo-monitor: HTTP API (org, events, findings, obligations)',
      timeout: Duration.seconds(15),
      environment: {
        TABLE_NAME: props.ledger.table.tableName,
        EVENT_BUS_NAME: props.bus.eventBusName,
        ...settingsEnvironment(props.settings),
      },
    });
    props.ledger.grantItemAccess(this.handler);
    props.bus.grantPutEventsTo(this.handler);

    const authorizer = new HttpUserPoolAuthorizer('CognitoAuthorizer', this.userPool, {
      userPoolClients: [this.userPoolClient],
      identitySource: ['$request.header.Authorization'],
    });
    this.httpApi = new apigw.HttpApi(this, 'HttpApi', {
      description: 'chibo-monitor HTTP API',
      createDefaultStage: false,
      defaultAuthorizer: authorizer,
    });

    const accessLogs = new logs.LogGroup(this, 'AccessLogs', {
      retention: logs.RetentionDays.ONE_YEAR,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.stage = this.httpApi.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: 50, burstLimit: 100 },
      accessLogSettings: {
        destination: new apigw.LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: AccessLogField.contextRequestId(),
            requestTime: AccessLogField.contextRequestTime(),
            sourceIp: AccessLogField.contextIdentitySourceIp(),
            routeKey: '$context.routeKey',
            status: AccessLogField.contextStatus(),
            responseLength: AccessLogField.contextResponseLength(),
            latencyMs: '$context.responseLatency',
            caller: '$context.authorizer.claims.sub',
            authorizerError: '$context.authorizer.error',
            integrationError: '$context.integrationErrorMessage',
          }),
        ),
      },
    });

    const integration = new HttpLambdaIntegration('HttpApiIntegration', this.handler);
    for (const route of ROUTES) {
      const [added] = this.httpApi.addRoutes({
        path: route.path,
        methods: [route.method],
        integration,
        ...(route.open ? { authorizer: new apigw.HttpNoneAuthorizer() } : {}),
      });
      if (route.open && added) {
        Validations.of(added).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason: 'GET /health is the unauthenticated liveness probe of DESIGN.md; it returns {"status":"ok"} and reads nothing.',
        });
      }
    }

    Validations.of(this.userPool).acknowledge(
      {
        id: 'AwsSolutions-COG2',
        reason:
          'TOTP MFA is offered (optional) but not required: recorders are cell secretaries in communes, many without an authenticator app; an operator who can require it switches mfa to REQUIRED.',
      },
      {
        id: 'AwsSolutions-COG8',
        reason:
          'The Essentials feature plan is used; threat protection (Plus plan) is billed per active user and is an operator decision per deployment, not a default of the stack.',
      },
    );
  }

  /** The API's base URL (the $default stage). */
  get url(): string {
    return this.stage.url;
  }
}
