// Worker threads do not inherit tsx from bin/chibo.js: register it here, then run the worker.
import { register } from 'tsx/esm/api';

register();
await import('./evaluate-worker.ts');
