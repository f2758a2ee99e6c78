/**
 * The dashboard's bucket and distribution: private, encrypted, TLS-only
 * buckets; the page read through origin access control only; HTTPS for
 * viewers; every API route behind the same origin, uncached; security headers;
 * access logs. (cdk-nag's checks of them run in nag.test.ts.)
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { cloudFrontPattern, ROUTES } from '../../infra/api.ts';
import { resourcesOfType, synthesise, type Statement, type Synthesised } from './support.ts';

let s: Synthesised;
beforeAll(() => {
  s = synthesise();
});

const bucketPolicy = (bucketId: string): Statement[] =>
  resourcesOfType(s, 'AWS::S3::BucketPolicy')
    .filter(([, p]) => JSON.stringify(p.Properties!['Bucket']) === JSON.stringify({ Ref: bucketId }))
    .flatMap(([, p]) => p.Properties!['PolicyDocument'].Statement as Statement[]);
const distribution = () => resourcesOfType(s, 'AWS::CloudFront::Distribution')[0]![1].Properties!['DistributionConfig'];

describe('dashboard buckets', () => {
  it('both encrypted at rest, every public access blocked, and denying every request without TLS', () => {
    for (const bucket of [s.stack.dashboard.bucket, s.stack.dashboard.logBucket]) {
      const id = s.id(bucket);
      const props = s.json.Resources[id]!.Properties!;
      expect(props['BucketEncryption'].ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault.SSEAlgorithm, id).toBe('AES256');
      expect(props['PublicAccessBlockConfiguration'], id).toEqual({ BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true });
      const tls = bucketPolicy(id).filter((st) => st.Effect === 'Deny' && JSON.stringify(st.Condition) === JSON.stringify({ Bool: { 'aws:SecureTransport': 'false' } }));
      expect(tls.map((st) => st.Action), id).toEqual(['s3:*']);
    }
  });

  it('the page’s bucket is read only by this distribution, through origin access control (no OAI, no public read)', () => {
    const id = s.id(s.stack.dashboard.bucket);
    const allows = bucketPolicy(id).filter((st) => st.Effect === 'Allow');
    expect(allows).toHaveLength(1);
    expect(allows[0]).toMatchObject({ Action: 's3:GetObject', Principal: { Service: 'cloudfront.amazonaws.com' } });
    expect(JSON.stringify(allows[0]!.Condition)).toContain(s.id(s.stack.dashboard.distribution));
    s.template.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    s.template.resourceCountIs('AWS::CloudFront::CloudFrontOriginAccessIdentity', 0);
    const origin = (distribution().Origins as Array<Record<string, any>>).find((o) => o.S3OriginConfig)!;
    expect(origin.OriginAccessControlId).toBeDefined();
  });

  it('the page’s bucket keeps versions; logs are kept a year', () => {
    expect(s.json.Resources[s.id(s.stack.dashboard.bucket)]!.Properties!['VersioningConfiguration']).toEqual({ Status: 'Enabled' });
    expect(s.json.Resources[s.id(s.stack.dashboard.logBucket)]!.Properties!['LifecycleConfiguration'].Rules[0].ExpirationInDays).toBe(365);
  });
});

describe('dashboard distribution', () => {
  it('serves the page over HTTPS only, with a content security policy and HSTS, and logs to the log bucket', () => {
    const config = distribution();
    expect(config.DefaultRootObject).toBe('index.html');
    expect(config.DefaultCacheBehavior.ViewerProtocolPolicy).toBe('redirect-to-https');
    expect(config.Logging.Bucket).toEqual({ 'Fn::GetAtt': [s.id(s.stack.dashboard.logBucket), 'RegionalDomainName'] });
    const headers = resourcesOfType(s, 'AWS::CloudFront::ResponseHeadersPolicy')[0]![1].Properties!['ResponseHeadersPolicyConfig'].SecurityHeadersConfig;
    expect(headers.ContentSecurityPolicy.ContentSecurityPolicy).toMatch(/default-src 'none'; script-src 'self';/);
    expect(headers.StrictTransportSecurity.AccessControlMaxAgeSec).toBe(365 * 24 * 3600);
    expect(headers.FrameOptions.FrameOption).toBe('DENY');
  });

  it('puts every API route behind the same origin, HTTPS only to API Gateway, never cached, every method allowed', () => {
    const behaviours = distribution().CacheBehaviors as Array<Record<string, any>>;
    expect(behaviours.map((b) => b.PathPattern).sort()).toEqual([...new Set(ROUTES.map((r) => cloudFrontPattern(r.path)))].sort());
    const apiOrigin = (distribution().Origins as Array<Record<string, any>>).find((o) => o.CustomOriginConfig)!;
    expect(apiOrigin.CustomOriginConfig).toMatchObject({ OriginProtocolPolicy: 'https-only', OriginSSLProtocols: ['TLSv1.2'] });
    for (const b of behaviours) {
      expect(b.TargetOriginId, b.PathPattern).toBe(apiOrigin.Id);
      expect(b.ViewerProtocolPolicy, b.PathPattern).toBe('https-only');
      // The managed CachingDisabled policy, and AllViewerExceptHostHeader (forwards Authorization when nothing is cached).
      expect(b.CachePolicyId, b.PathPattern).toBe('4135ea2d-6df8-44a3-9df3-4b5a84be39ad');
      expect(b.OriginRequestPolicyId, b.PathPattern).toBe('b689b0a8-53d0-40ab-baf2-68738e2966ac');
      expect(b.AllowedMethods, b.PathPattern).toHaveLength(7);
    }
  });
});
