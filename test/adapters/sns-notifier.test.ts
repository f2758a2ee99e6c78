/** SnsNotifier: the exact Publish inputs, one call per notification, to the topic of its kind, with the notice for the delivery function. */
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-vitest/extend';
import { beforeEach, describe, expect, it } from 'vitest';
import { SnsNotifier } from '../../adapters/sns/sns-notifier.ts';
import { DeliveryMessage } from '../../shared/delivery/delivery-message.ts';
import type { Finding } from '../../shared/contract/findings.ts';
import { notificationsFor } from '../../shared/notifications/compose.ts';
import type { Notification } from '../../shared/ports/notifier.ts';
import { TDP5_FEBRUARY } from '../support/findings.ts';

const sns = mockClient(SNSClient);
const topics = { reminders: 'arn:aws:sns:ap-southeast-1:123456789012:chibo-reminders', violations: 'arn:aws:sns:ap-southeast-1:123456789012:chibo-violations' };
const notifier = () => new SnsNotifier(new SNSClient({ region: 'ap-southeast-1' }), topics);
beforeEach(() => {
  sns.reset();
  sns.on(PublishCommand).resolves({ MessageId: 'm-1' });
});

const finding: Finding = TDP5_FEBRUARY;
const where = { provinceId: 'LC', unitId: 'LC.NL.TDP5' };
const str = (StringValue: string) => ({ DataType: 'String', StringValue });

describe('SnsNotifier.publish', () => {
  it('a violation: the violations topic, the subject, the body, the six attributes and the delivery message as Strings', async () => {
    const [n] = notificationsFor(finding, 'raised', where);
    await notifier().publish(n!);
    expect(sns).toHaveReceivedCommandTimes(PublishCommand, 1);
    expect(sns.commandCalls(PublishCommand)[0]!.args[0].input).toEqual({
      TopicArn: topics.violations,
      Subject: '[Vi pham] Chi bo to dan pho 5 chua sinh hoat thuong ky thang 02/2026 / [Violation] 02/2026',
      Message: n!.body,
      MessageAttributes: {
        kind: str('violation'),
        ruleId: str('dieu-le/monthly-regular-meeting'),
        recipientId: str('S-TDP5'),
        provinceId: str('LC'),
        unitId: str('LC.NL.TDP5'),
        period: str('2026-02'),
        delivery: str(JSON.stringify({ finding, stage: 'raised', recipientId: 'S-TDP5', provinceId: 'LC', unitId: 'LC.NL.TDP5' })),
      },
    });
    expect(n!.body.startsWith('Vi phạm\nChi bộ tổ dân phố 5')).toBe(true);
  });

  it('one publish per recipient: the inspection committee gets its own, with its recipientId', async () => {
    for (const n of notificationsFor(finding, 'raised', where)) await notifier().publish(n);
    expect(sns).toHaveReceivedCommandTimes(PublishCommand, 2);
    expect(sns).toHaveReceivedNthCommandWith(PublishCommand, 2, { TopicArn: topics.violations, MessageAttributes: expect.objectContaining({ recipientId: str('ubkt:LC.NL') }) });
  });

  it('a reminder goes to the reminders topic; a withdrawn reminder too, with kind "withdrawn"', async () => {
    const reminder: Finding = { ...finding, kind: 'reminder', period: '2026-03', recipients: ['S-TDP5'] };
    await notifier().publish(notificationsFor(reminder, 'raised', where)[0]!);
    await notifier().publish(notificationsFor(reminder, 'withdrawn', where)[0]!);
    expect(sns).toHaveReceivedNthCommandWith(PublishCommand, 1, { TopicArn: topics.reminders, MessageAttributes: expect.objectContaining({ kind: str('reminder') }) });
    expect(sns).toHaveReceivedNthCommandWith(PublishCommand, 2, { TopicArn: topics.reminders, MessageAttributes: expect.objectContaining({ kind: str('withdrawn') }) });
  });

  it('the message attributes are exactly the six subscribers filter on and the delivery message, whatever else the object holds', async () => {
    const n = notificationsFor(finding, 'raised', where)[0]!;
    await notifier().publish({ ...n, attributes: { ...n.attributes, memberName: 'Vì Văn Tuấn' } as Notification['attributes'] });
    expect(Object.keys(sns.commandCalls(PublishCommand)[0]!.args[0].input.MessageAttributes!)).toEqual(['kind', 'ruleId', 'recipientId', 'provinceId', 'unitId', 'period', 'delivery']);
  });

  it('the delivery attribute parses back as the DeliveryMessage, with the meeting and a withdrawal\'s stage', async () => {
    const n = notificationsFor(finding, 'withdrawn', where)[0]!;
    await notifier().publish({ ...n, meeting: 'Chi bộ tổ dân phố 5, buổi 05/02/2026' });
    const value = sns.commandCalls(PublishCommand)[0]!.args[0].input.MessageAttributes!['delivery']!.StringValue!;
    expect(DeliveryMessage.parse(JSON.parse(value))).toEqual({ finding, stage: 'withdrawn', recipientId: 'S-TDP5', provinceId: 'LC', unitId: 'LC.NL.TDP5', meeting: 'Chi bộ tổ dân phố 5, buổi 05/02/2026' });
  });

  it('refuses a subject SNS would refuse (non-ASCII, a line break, 100 characters) before calling it', async () => {
    const n = notificationsFor(finding, 'raised', where)[0]!;
    for (const subject of ['[Vi phạm] Chi bộ tổ dân phố 5', 'a\nb', 'x'.repeat(100), '', ' leading space']) await expect(notifier().publish({ ...n, subject })).rejects.toThrow('not a valid SNS subject');
    expect(sns).toHaveReceivedCommandTimes(PublishCommand, 0);
    await notifier().publish({ ...n, subject: 'x'.repeat(99) });
    expect(sns).toHaveReceivedCommandTimes(PublishCommand, 1);
  });

  it('an SNS error reaches the caller, whose retry (same claimant) publishes again', async () => {
    sns.on(PublishCommand).rejects(new Error('AuthorizationError'));
    await expect(notifier().publish(notificationsFor(finding, 'raised', where)[0]!)).rejects.toThrow('AuthorizationError');
  });
});
