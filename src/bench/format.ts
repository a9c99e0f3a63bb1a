/** Output helpers of the bench: aligned labels, units. */

export const LABEL_WIDTH = 42;

/** `  label ....... value`, labels aligned. */
export function line(label: string, value: string, indent = 4): void {
  console.log(`${' '.repeat(indent)}${label.padEnd(LABEL_WIDTH - indent)} ${value}`);
}

export function secs(seconds: number): string {
  return seconds < 10 ? `${seconds.toFixed(2)} s` : `${seconds.toFixed(1)} s`;
}

export function mib(value: number | undefined): string {
  return value === undefined ? 'not measured' : `${value.toFixed(0)} MiB`;
}

export function ratio(a: number, b: number): string {
  return `${(a / b).toFixed(2)}×`;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
