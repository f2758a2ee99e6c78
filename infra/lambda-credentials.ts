/**
 * What the Lambda bundles get in place of @aws-sdk/credential-provider-node
 * (an esbuild alias in chibo-function.ts): Lambda always hands a function its
 * role's credentials in the environment, so the SSO, INI, process, STS and
 * instance-metadata providers of the default chain (about 60 KB of bundle and
 * their import time) are dead weight there. Local runs keep the full chain.
 */
import { fromEnv } from '@aws-sdk/credential-provider-env';

export const defaultProvider = (init?: Parameters<typeof fromEnv>[0]) => fromEnv(init);
