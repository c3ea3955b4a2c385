/**
 * Small CSV helpers for the roster: read a file's records (to show the content of rejected rows),
 * and write CSV files to download (the rejected-rows report and the template).
 */

/**
 * Splits CSV text into records of fields (RFC 4180: quoted fields may hold commas, quotes and line
 * breaks). A leading byte-order mark is dropped. Record n (1-based) is line n in the server's report.
 */
export function parseCsvRecords(text: string): string[][] {
  const source = text.replace(/^\uFEFF/, '');
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  while (i < source.length) {
    const char = source[i];
    if (quoted) {
      if (char === '"') {
        if (source[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i += 1;
        continue;
      }
      field += char;
      i += 1;
      continue;
    }
    if (char === '"' && field === '') {
      quoted = true;
    } else if (char === ',') {
      record.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      if (char === '\r' && source[i + 1] === '\n') i += 1;
    } else {
      field += char;
    }
    i += 1;
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

/** Spreadsheets run cells that start like a formula; a leading apostrophe keeps them text. */
function defuse(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function escape(value: string): string {
  const safe = defuse(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** Writes records as CSV (CRLF line ends, fields quoted when needed, formulas defused). */
export function toCsv(records: ReadonlyArray<ReadonlyArray<string | number>>): string {
  return records.map((record) => record.map((value) => escape(String(value))).join(',')).join('\r\n') + '\r\n';
}

/** The columns a roster needs, in the order the template uses. */
export const rosterColumns = ['name', 'email', 'badge_number', 'department'] as const;

/** A roster file to start from: the header and one example row. */
export function rosterTemplate(): string {
  return toCsv([[...rosterColumns], ['Dana Cruz', 'dana.cruz@pd.example.gov', 'B-1024', 'Central']]);
}

/** Starts a download of `content` as a file (UTF-8 with a BOM, so spreadsheets read accents right). */
export function downloadText(filename: string, content: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob(['\uFEFF', content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
