/** How every Lambda function is bundled (esbuild), shared by the stack and the bundle benchmark so both measure the same thing. */
import { projectPath } from './paths.ts';

/** ESM output still meets CommonJS dependencies that call require(): give them one. */
export const ESM_REQUIRE_BANNER = "import { createRequire as __chiboCreateRequire } from 'node:module'; const require = __chiboCreateRequire(import.meta.url);";

/** Credentials from the environment only, as Lambda provides them (lambda-credentials.ts). */
export const CREDENTIALS_ALIAS = { '@aws-sdk/credential-provider-node': projectPath('infra/lambda-credentials.ts') };
