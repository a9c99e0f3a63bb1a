/**
 * The YAML edge of the configuration stage: parses the text with `yaml`'s
 * `parseDocument` and maps nodes back to 1-based line and column.
 */
import { LineCounter, isAlias, parseDocument, type Document, type ParsedNode, type YAMLError } from 'yaml';
import { diagnostic, type Diagnostic, type SourcePlace } from '../diagnostics/diagnostic.js';

/** A parsed configuration file and what is needed to place its nodes. */
export interface YamlSource {
  file: string;
  /** The text parsed (to place characters inside values). */
  text: string;
  document: Document.Parsed;
  lineCounter: LineCounter;
}

/** Anything with a source range, as `yaml` nodes have once parsed. */
export interface Ranged {
  range?: readonly [number, number, number] | null;
}

/**
 * Parses one YAML document with the YAML 1.2 core schema, so that unquoted
 * dates (`2027-03-16`) and times (`09:00`) stay strings. The schema is forced:
 * a `%YAML 1.1` directive does not bring back 1.1's sexagesimal numbers
 * (09:00 = 540), timestamps or yes/no booleans, so a file always means the same.
 *
 * Parser errors become `config/yaml-syntax` diagnostics (`config/duplicate-key`
 * for a key written twice in one mapping); when there is any, `source` is left
 * out, because reading a broken document only adds confusing follow-up errors.
 */
export function parseYaml(text: string, file: string): { source?: YamlSource; diagnostics: Diagnostic[] } {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, version: '1.2', schema: 'core' });
  const source: YamlSource = { file, text, document, lineCounter };
  const diagnostics = [
    ...document.errors.map((error) => yamlDiagnostic(source, error, 'error')),
    ...document.warnings.map((warning) => yamlDiagnostic(source, warning, 'warning')),
  ];
  return document.errors.length > 0 ? { diagnostics } : { source, diagnostics };
}

/** The place where a node starts; the start of the file when the node has no range. */
export function placeOf(source: YamlSource, node: Ranged | null | undefined): SourcePlace {
  return placeAtOffset(source, node?.range?.[0] ?? 0);
}

export function placeAtOffset(source: YamlSource, offset: number): SourcePlace {
  const { line, col } = source.lineCounter.linePos(offset);
  return { file: source.file, line, column: col };
}

/** Follows an alias (`*name`) to the node its anchor (`&name`) marks. */
export function resolveNode(source: YamlSource, node: unknown): ParsedNode | undefined {
  if (isAlias(node)) return node.resolve(source.document) as ParsedNode | undefined;
  return (node ?? undefined) as ParsedNode | undefined;
}

function yamlDiagnostic(source: YamlSource, error: YAMLError, severity: 'error' | 'warning'): Diagnostic {
  const place = placeAtOffset(source, error.pos[0]);
  if (error.code === 'DUPLICATE_KEY') {
    return diagnostic(place, severity, 'config/duplicate-key',
      'This key is already set earlier in the same mapping: keep one of the two.');
  }
  return diagnostic(place, severity, 'config/yaml-syntax', `YAML syntax: ${explainYamlError(error)}`);
}

/** The parser's message, with a hint for the mistakes people make most. */
function explainYamlError(error: YAMLError): string {
  switch (error.code) {
    case 'MULTIPLE_DOCS':
      return 'the file holds more than one YAML document (a `---` line in the middle): keep a single document.';
    case 'TAB_AS_INDENT':
      return 'tabs are not allowed as indentation: indent with spaces.';
    default: {
      const message = error.message.replace(/\s+/g, ' ').trim().replace(/\.$/, '');
      return `${message}. Check the indentation, quotes and brackets here.`;
    }
  }
}
