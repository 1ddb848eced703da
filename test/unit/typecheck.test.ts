/**
 * The types hold on the whole tree (what `npm run typecheck` checks): vitest strips types without reading
 * them, so without this a type error (a procedure missing from a Record<ProcedureId, …>, a code missing
 * from a catalogue) would pass every other test.
 */
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '../..');

function diagnostics(): string[] {
  const file = ts.findConfigFile(ROOT, ts.sys.fileExists, 'tsconfig.json')!;
  const config = ts.getParsedCommandLineOfConfigFile(file, { noEmit: true }, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined })!;
  const program = ts.createProgram({ rootNames: config.fileNames, options: config.options });
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file ? `${d.file.fileName.slice(ROOT.length + 1)}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1} ` : '';
    return `${where}${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`;
  });
}

describe('types', () => {
  it('type-check with no error across src, test and scripts', () => {
    expect(diagnostics()).toEqual([]);
  }, 120_000);
});
