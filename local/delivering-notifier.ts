/** The pipeline's notifier on one machine: the outbox line as before, then the notice queued for delivery to the recipient. */
import { deliveryMessageOf } from '../shared/delivery/delivery-message.ts';
import type { Notification, Notifier } from '../shared/ports/notifier.ts';
import type { DeliveryQueue } from './delivery-queue.ts';

export class DeliveringNotifier implements Notifier {
  constructor(
    private readonly outbox: Notifier,
    private readonly queue: Pick<DeliveryQueue, 'put'>,
  ) {}

  async publish(n: Notification): Promise<void> {
    await this.outbox.publish(n);
    await this.queue.put(deliveryMessageOf(n));
  }
}
