/**
 * The dashboard on AWS (docs/dashboard.md): its built files in a private,
 * encrypted, TLS-only bucket, read by CloudFront through origin access
 * control only; the API's routes behind the same distribution, so the page
 * calls them on its own origin with the user's token (no CORS), uncached.
 * Access logs of the bucket and the distribution go to a log bucket.
 */
import { Duration, Fn, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { CSP } from '../web/csp.ts';
import { cloudFrontPattern, ROUTES } from './api.ts';

/** The API's paths, forwarded to API Gateway. */
const API_PATHS = [...new Set(ROUTES.map((r) => cloudFrontPattern(r.path)))];

export interface DashboardProps {  /** The HTTP API's base URL (https://<id>.execute-api.<region>.amazonaws.com/). */
  readonly apiUrl: string;
}

export class Dashboard extends Construct {
  readonly bucket: s3.Bucket;
  readonly logBucket: s3.Bucket;
  readonly distribution: cloudfront.Distribution;

  constructor(scope: Construct, id: string, props: DashboardProps) {
    super(scope, id);

    // Log delivery (S3 server access logs, CloudFront standard logs) writes with SSE-S3 only, and CloudFront's needs ACLs.
    this.logBucket = new s3.Bucket(this, 'Logs', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.OBJECT_WRITER,
      lifecycleRules: [{ expiration: Duration.days(365) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.logBucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'This is the access-log bucket of the dashboard bucket and distribution; logging it into itself would log its own log deliveries without end.',
    });

    // The page's own code, no data: SSE-S3. Reading SSE-KMS objects through OAC would need the stack's data key to let
    // CloudFront decrypt for any distribution of the account (a wildcard the data key must not carry).
    this.bucket = new s3.Bucket(this, 'Site', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      versioned: true,
      serverAccessLogsBucket: this.logBucket,
      serverAccessLogsPrefix: 's3/',
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const api = new origins.HttpOrigin(Fn.select(2, Fn.split('/', props.apiUrl)), { protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY, originSslProtocols: [cloudfront.OriginSslPolicy.TLS_V1_2] });
    const apiBehavior: cloudfront.BehaviorOptions = {
      origin: api,
      viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
      allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
      // Never cached; with caching disabled this policy forwards the Authorization header (the Host stays API Gateway's).
      cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
      originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
    };
    const headers = new cloudfront.ResponseHeadersPolicy(this, 'Headers', {
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: CSP, override: true },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: cloudfront.HeadersReferrerPolicy.NO_REFERRER, override: true },
        strictTransportSecurity: { accessControlMaxAge: Duration.days(365), includeSubdomains: true, override: true },
      },
    });

    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: 'chibo-monitor dashboard and API',
      defaultRootObject: 'index.html',
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      priceClass: cloudfront.PriceClass.PRICE_CLASS_200,
      enableLogging: true,
      logBucket: this.logBucket,
      logFilePrefix: 'cloudfront/',
      defaultBehavior: {
        origin: origins.S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        responseHeadersPolicy: headers,
        // The bundle is rebuilt at every deploy under the same names: browsers revalidate.
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
      },
      additionalBehaviors: Object.fromEntries(API_PATHS.map((path) => [path, apiBehavior])),
    });
    Validations.of(this.distribution).acknowledge(
      {
        id: 'AwsSolutions-CFR1',
        reason: 'No geo restriction: the users are party officials in Vietnam, some of whom travel; the API authorises every request by its Cognito token and scope.',
      },
      {
        id: 'AwsSolutions-CFR2',
        reason: 'No WAF web ACL by default: a CloudFront ACL lives in us-east-1 and is billed per rule and request, an operator decision per deployment; every API request is authorised by the JWT authorizer.',
      },
      {
        id: 'AwsSolutions-CFR4',
        reason: 'Without a custom domain the distribution serves the default *.cloudfront.net certificate, whose TLS policy CloudFront fixes; an operator who adds a domain and an ACM certificate sets minimumProtocolVersion TLSv1.2_2021 with it.',
      },
    );

    // The page's files are put into the bucket by the deploy step (`npm run build:dashboard`, then `aws s3 sync`,
    // docs/dashboard.md), not by CDK's BucketDeployment: its function would be the stack's only managed policy,
    // its only Resource "*" beyond X-Ray and a fourth function, for a copy done once per release.
  }

  get url(): string {
    return `https://${this.distribution.distributionDomainName}`;
  }
}
