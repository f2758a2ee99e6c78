/** The Lambda bundles' stand-in for the SDK's default credential chain reads the role credentials Lambda puts in the environment. */
import { afterEach, expect, it, vi } from 'vitest';
import { defaultProvider } from '../../infra/lambda-credentials.ts';

afterEach(() => vi.unstubAllEnvs());

it('gives the credentials of the environment, session token included', async () => {
  vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIDEXAMPLE');
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'secret');
  vi.stubEnv('AWS_SESSION_TOKEN', 'token');
  expect(await defaultProvider()()).toMatchObject({ accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret', sessionToken: 'token' });
});

it('fails without them rather than looking elsewhere', async () => {
  vi.stubEnv('AWS_ACCESS_KEY_ID', '');
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', '');
  await expect(defaultProvider()()).rejects.toThrow(/environment/i);
});
