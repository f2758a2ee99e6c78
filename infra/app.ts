/**
 * `npm run synth` / `npm run deploy`: the chibo-monitor stack with cdk-nag's
 * AwsSolutions checks. No account or region is needed to synthesise; deploy
 * targets the account and region of the caller's AWS profile.
 */
import { assemble } from './assemble.ts';

const account = process.env['CDK_DEFAULT_ACCOUNT'];
const region = process.env['CDK_DEFAULT_REGION'];
const { app } = assemble(account || region ? { env: { ...(account ? { account } : {}), ...(region ? { region } : {}) } } : {});
app.synth();
