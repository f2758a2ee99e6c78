/**
 * Powertools logger and metrics shared by the handlers. Logs carry ids and
 * counts only: member and leader names never go to logs.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';

export const logger = new Logger({ serviceName: process.env['POWERTOOLS_SERVICE_NAME'] ?? 'chibo-monitor' });
export const metrics = new Metrics({ namespace: process.env['POWERTOOLS_METRICS_NAMESPACE'] ?? 'ChiboMonitor', serviceName: process.env['POWERTOOLS_SERVICE_NAME'] ?? 'chibo-monitor' });
