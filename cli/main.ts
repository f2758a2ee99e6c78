/** The `chibo` command line: dispatch, and the exit codes (0 done, 2 bad input, 1 a fault of ours). */
import { EVALUATE_USAGE, evaluateCommand } from './evaluate.ts';
import { InputError } from './input-error.ts';
import { SERVE_USAGE, serveCommand } from './serve.ts';
import { RECORD_USAGE, recordCommand } from './record.ts';
import { FINDINGS_USAGE, findingsCommand } from './findings.ts';
import { IMPORT_USAGE, importCommand } from './import-org.ts';
import { IMPORT_CONTACTS_USAGE } from './import-contacts.ts';
import { DELIVERIES_USAGE, deliveriesCommand } from './deliveries.ts';
import { REPORT_USAGE, reportCommand } from './report.ts';
import { REDRIVE_USAGE, redriveCommand } from './redrive.ts';

const USAGE = `chibo — compliance monitor for party cell meetings (sinh hoạt chi bộ)

Usage:
  ${EVALUATE_USAGE.replace(/\n/g, '\n  ')}

  ${SERVE_USAGE.replace(/\n/g, '\n  ')}

  ${REDRIVE_USAGE}

  Against a running monitor (CHIBO_URL, default http://127.0.0.1:3000; CHIBO_TOKEN):
  ${IMPORT_USAGE}
  ${IMPORT_CONTACTS_USAGE}
  ${RECORD_USAGE}
  ${FINDINGS_USAGE}
  ${REPORT_USAGE}
  ${DELIVERIES_USAGE}
`;

export async function main(argv: string[], out: NodeJS.WritableStream = process.stdout, err: NodeJS.WritableStream = process.stderr): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'evaluate':
        await evaluateCommand(rest, out);
        return 0;
      case 'serve':
        await serveCommand(rest, out);
        return 0;
      case 'import':
        await importCommand(rest, out, err);
        return 0;
      case 'record':
        await recordCommand(rest, out);
        return 0;
      case 'findings':
        await findingsCommand(rest, out);
        return 0;
      case 'report':
        await reportCommand(rest, out);
        return 0;
      case 'deliveries':
        await deliveriesCommand(rest, out);
        return 0;
      case 'redrive':
        await redriveCommand(rest, out);
        return 0;
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        out.write(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new InputError('arguments', null, null, `unknown command "${command}"\n${USAGE}`);
    }
  } catch (e) {
    if (e instanceof InputError) {
      err.write(`chibo: ${e.message}\n`);
      return 2;
    }
    err.write(`chibo: internal error: ${(e as Error).message}\n`);
    if (process.env['CHIBO_DEBUG']) err.write(`${(e as Error).stack}\n`);
    return 1;
  }
}
