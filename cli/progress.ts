/**
 * A progress bar on standard error (cli-progress) for long commands: shown on
 * a terminal, or when asked for with --progress; otherwise silent, so pipes
 * and logs stay clean.
 */
import cliProgress from 'cli-progress';

export interface Progress {
  /** Starts (or restarts) a phase: "Đọc tệp / reading", with its total. */
  phase(label: string, total: number): void;
  update(done: number): void;
  setTotal(total: number): void;
  stop(): void;
}

const silent: Progress = { phase: () => {}, update: () => {}, setTotal: () => {}, stop: () => {} };

export function progressBar(stream: NodeJS.WritableStream & { isTTY?: boolean }, force = false): Progress {
  if (!stream.isTTY && !force) return silent;
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: '{label} [{bar}] {percentage}% {value}/{total}',
      barsize: 30,
      hideCursor: true,
      // Not a terminal (forced): one line per update would flood a log; print only at the ends.
      noTTYOutput: force && !stream.isTTY,
      notTTYSchedule: 60_000,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  let running = false;
  return {
    phase(label, total) {
      if (running) bar.stop();
      bar.start(total, 0, { label });
      running = true;
    },
    update(done) {
      bar.update(done);
    },
    setTotal(total) {
      if (bar.getTotal() !== total) bar.setTotal(total);
    },
    stop() {
      if (running) bar.stop();
      running = false;
    },
  };
}
