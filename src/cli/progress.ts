/** A one-line progress display on terminals; silent under CI=true, --json, or when not a TTY. */
export function progressReporter(options: { json: boolean }): ((done: number, total: number, label: string) => void) | undefined {
  const ci = process.env.CI !== undefined && process.env.CI !== '' && process.env.CI !== 'false' && process.env.CI !== '0';
  if (options.json || ci || !process.stderr.isTTY) return undefined;
  return (done, total, label) => {
    const text = `[${done}/${total}] ${label}`;
    const width = process.stderr.columns ?? 80;
    process.stderr.write(`\r${text.slice(0, width - 1).padEnd(Math.min(width - 1, 70))}`);
    if (done === total) process.stderr.write('\r'.padEnd(Math.min(width, 71)) + '\r');
  };
}
