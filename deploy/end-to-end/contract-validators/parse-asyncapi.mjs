// Parses each AsyncAPI document named on the command line with @asyncapi/parser and prints, as one JSON array on
// stdout, per document: whether it parsed, and its errors and warnings (code, message, path in the document).
import { readFileSync } from 'node:fs';
import { Parser, DiagnosticSeverity } from '@asyncapi/parser';

const parser = new Parser();
const summary = (diagnostic) => ({ code: diagnostic.code, message: diagnostic.message, path: diagnostic.path.join('/') });
const reports = [];
for (const file of process.argv.slice(2)) {
  const { document, diagnostics } = await parser.parse(readFileSync(file, 'utf8'));
  reports.push({
    file,
    parsed: document !== undefined,
    errors: diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error).map(summary),
    warnings: diagnostics.filter((d) => d.severity === DiagnosticSeverity.Warning).map(summary),
  });
}
console.log(JSON.stringify(reports, null, 2));
