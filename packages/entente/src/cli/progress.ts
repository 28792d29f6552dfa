import cliProgress from "cli-progress";

/**
 * With `ENTENTE_PROGRESS=plain`, progress is printed as plain lines on stderr at most once a
 * second, also when stderr is not a terminal (logs of cluster jobs, tests).
 *
 * A progress bar on stderr that appears only on a terminal and only once a run has taken over a
 * second; otherwise nothing is printed (CI logs and piped output stay clean).
 */
export function progressBar(
  label: string,
  unit = "samples",
): {
  update: (done: number, total: number, note?: string) => void;
  stop: () => void;
} {
  if (process.env.ENTENTE_PROGRESS === "plain") return plainProgress(label, unit);
  if (!process.stderr.isTTY) return { update: () => {}, stop: () => {} };
  const started = Date.now();
  let bar: cliProgress.SingleBar | undefined;
  return {
    update(done, total, note) {
      if (!bar && Date.now() - started < 1000) return;
      if (!bar) {
        bar = new cliProgress.SingleBar(
          {
            format: `${label} [{bar}] {percentage}% {value}/{total} ${unit}, ${unit === "samples" ? "eta {eta}s" : "{duration}s"}{note}`,
            stream: process.stderr,
          },
          cliProgress.Presets.shades_classic,
        );
        bar.start(total, done, { note: "" });
      }
      bar.update(done, { note: note ? ` · ${note}` : "" });
    },
    stop() {
      bar?.stop();
    },
  };
}

function plainProgress(label: string, unit: string) {
  let last = 0;
  return {
    update(done: number, total: number, note?: string) {
      const now = Date.now();
      if (now - last < 1000 && done < total) return;
      last = now;
      process.stderr.write(
        `entente: ${label}: ${done} of ${total} ${unit}${note ? ` (${note})` : ""}\n`,
      );
    },
    stop() {},
  };
}
