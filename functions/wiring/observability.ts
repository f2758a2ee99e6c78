/**
 * Powertools logger and metrics (CloudWatch EMF) shared by the handlers.
 *
 * Member and leader names never go to logs: log ids (meetings, events, units,
 * members, leaders, rules), periods, instants, counts and outcomes only.
 * Messages to people carry names; logs, which ops read and keep, do not.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';

/** The stack sets POWERTOOLS_SERVICE_NAME per function (infra/chibo-function.ts). */
const serviceName = process.env['POWERTOOLS_SERVICE_NAME'] ?? 'chibo-monitor';
/** The stack sets the namespace its alarms read (infra/chibo-function.ts). */
const namespace = process.env['POWERTOOLS_METRICS_NAMESPACE'] ?? 'ChiboMonitor';

export const logger = new Logger({ serviceName });
export const metrics = new Metrics({ namespace, serviceName });
