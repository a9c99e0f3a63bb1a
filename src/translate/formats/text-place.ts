/**
 * Turns string offsets into 1-based line and column. Line ends are LF, CRLF or CR (XML 1.0
 * §2.11); columns count UTF-16 code units, as most editors do.
 */
export type PlaceOf = (index: number) => { line: number; column: number };

export function placeFinder(text: string): PlaceOf {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return (index) => {
    const at = Math.max(0, Math.min(index, text.length));
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= at) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: at - starts[low]! + 1 };
  };
}
