/**
 * cdk-nag's AwsSolutions checks: no unacknowledged finding (error or
 * warning), every acknowledgment with its reason, and the checks wired into
 * the app so that a finding fails the synthesis. (cdk-nag 3 reports through
 * CDK's policy validation, not annotations: `validateScope` is its test entry.)
 */
import { Validations } from 'aws-cdk-lib';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { assemble } from '../../infra/assemble.ts';

let app: ReturnType<typeof assemble>['app'];
beforeAll(() => {
  ({ app } = assemble({ bundle: false, nag: false }));
});

function acknowledgments(): Array<{ path: string; id: string; reason: string }> {
  const found: Array<{ path: string; id: string; reason: string }> = [];
  for (const c of app.node.findAll()) {
    for (const m of c.node.metadata) {
      if (m.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY) continue;
      for (const [id, reason] of Object.entries(m.data as Record<string, string>)) {
        found.push({ path: c.node.path, id: id.replace(/^annotation::/i, ''), reason });
      }
    }
  }
  return found;
}

describe('cdk-nag AwsSolutions', () => {
  it('finds nothing unacknowledged, errors or warnings', () => {
    const report = new AwsSolutionsChecks(undefined, { verbose: true }).validateScope(app);
    const findings = report.violations.map((v) => `${v.severity} ${v.ruleName} at ${v.violatingResources.map((r) => r.constructPath).join(', ')}`);
    expect(findings).toEqual([]);
    expect(report.success).toBe(true);
  });

  it('every acknowledgment is specific and says why', () => {
    const acks = acknowledgments();
    for (const a of acks) {
      expect(a.id, a.path).toMatch(/^AwsSolutions-[A-Z]+\d+(\[.+\])?$/);
      expect(a.reason.length, `${a.path} ${a.id}`).toBeGreaterThan(40);
    }
    // The whole list, so that a new acknowledgment is a visible change of this test.
    expect([...new Set(acks.map((a) => a.id.replace(/<[A-Za-z0-9]+\.Arn>/, '<Arn>')))].sort()).toEqual([
      'AwsSolutions-APIG4',
      'AwsSolutions-CFR1',
      'AwsSolutions-CFR2',
      'AwsSolutions-CFR4',
      'AwsSolutions-COG2',
      'AwsSolutions-COG8',
      'AwsSolutions-IAM5[Action::kms:GenerateDataKey*]',
      'AwsSolutions-IAM5[Action::kms:ReEncrypt*]',
      'AwsSolutions-IAM5[Resource::*]',
      'AwsSolutions-IAM5[Resource::<Arn>/index/*]',
      'AwsSolutions-IAM5[Resource::<Arn>:*]',
      'AwsSolutions-L1',
      'AwsSolutions-S1',
    ]);
    expect(acks.filter((a) => a.id === 'AwsSolutions-S1').map((a) => a.path)).toEqual(['ChiboMonitorStack/Dashboard/Logs']);
    expect(acks.filter((a) => a.id === 'AwsSolutions-APIG4').map((a) => a.path)).toEqual(['ChiboMonitorStack/Api/HttpApi/GET--health']);
  });

  it('is applied by the app: a finding fails the synthesis', () => {
    const { app: failing, stack } = assemble({ bundle: false });
    new sqs.Queue(stack, 'UnencryptedQueueWithoutDlq', { encryption: sqs.QueueEncryption.UNENCRYPTED });
    expect(() => failing.synth()).toThrow(/AwsSolutions-SQS/);
  });
});
