import { readFileSync } from "fs";
import { dirname, join } from "path";
import ts from "typescript";

/** A use of an Office.js or custom-functions member whose requirement set is above the manifest's minimum. */
export interface ApiSetViolation {
  file: string;
  line: number;
  member: string;
  set: string;
  version: string;
}

/** The manifest's requirement sets: name → minimum version ("ExcelApi" → "1.7"). */
export function manifestMinimums(manifestXml: string): Map<string, string> {
  const sets = new Map<string, string>();
  for (const match of manifestXml.matchAll(/<Set\s+Name="([^"]+)"\s+MinVersion="([^"]+)"\s*\/>/g))
    sets.set(match[1]!, match[2]!);
  return sets;
}

function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** Whether a function (or one enclosing it) checks the set: `supports("ExcelApi", "1.9")` or a `Guarded: ExcelApi 1.9` comment. */
function guarded(node: ts.Node, set: string, version: string, source: ts.SourceFile): boolean {
  for (let at: ts.Node | undefined = node; at; at = at.parent) {
    if (!ts.isFunctionLike(at)) continue;
    const text = source.text.slice(at.getFullStart(), at.getEnd());
    for (const m of text.matchAll(/supports\("([\w]+)",\s*"([\d.]+)"\)|Guarded: (\w+) ([\d.]+)/g)) {
      const [s, v] = m[1] !== undefined ? [m[1], m[2]!] : [m[3]!, m[4]!];
      if (s === set && compareVersions(v, version) >= 0) return true;
    }
  }
  return false;
}

/**
 * Walks the given sources with the TypeScript checker: every Office.js / CustomFunctions member used in a
 * value position whose documentation says `[Api set: <set> <version>]` above the manifest's minimum must
 * sit in a function that checks `supports("<set>", "<version>")`, or carries a `Guarded: <set> <version>`
 * comment (a helper only called after such a check). A set the manifest does not name (ExcelApiOnline,
 * BETA) is always above it.
 */
export function findApiSetViolations(
  rootNames: string[],
  options: ts.CompilerOptions,
  minimums: Map<string, string>,
): ApiSetViolation[] {
  const program = ts.createProgram(rootNames, options);
  const checker = program.getTypeChecker();
  const roots = new Set(rootNames.map((f) => ts.sys.resolvePath(f)));
  const out: ApiSetViolation[] = [];
  for (const source of program.getSourceFiles()) {
    if (!roots.has(ts.sys.resolvePath(source.fileName))) continue;
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAccessExpression(node)) {
        const symbol = checker.getSymbolAtLocation(node.name);
        const fromOffice = symbol?.declarations?.some((d) =>
          /@types[\\/](office-js|custom-functions-runtime)[\\/]/.test(d.getSourceFile().fileName),
        );
        if (symbol && fromOffice) {
          const remarks = symbol
            .getJsDocTags(checker)
            .map((t) => ts.displayPartsToString(t.text))
            .join(" ");
          const sets = [...remarks.matchAll(/\[Api set: (\w+) ([^\]\s]+)/g)].map(
            (m) => [m[1]!, m[2]!] as const,
          );
          // A member in several sets (e.g. ExcelApi and ExcelApiOnline) needs only the lowest one we name.
          const known = sets.filter(([set]) => minimums.has(set));
          const needed = known.length > 0 ? known : sets;
          const above = needed.every(
            ([set, version]) =>
              !minimums.has(set) ||
              !/^[\d.]+$/.test(version) ||
              compareVersions(version, minimums.get(set)!) > 0,
          );
          if (needed.length > 0 && above) {
            const [set, version] = needed[0]!;
            if (!guarded(node, set, version, source)) {
              const { line } = source.getLineAndCharacterOfPosition(node.name.getStart(source));
              out.push({ file: source.fileName, line: line + 1, member: node.getText(source), set, version });
            }
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return out;
}

/** The project's compiler options, from tsconfig.json. */
export function projectOptions(tsconfigPath: string): ts.CompilerOptions {
  const config = ts.readConfigFile(tsconfigPath, (p) => readFileSync(p, "utf8"));
  return ts.parseJsonConfigFileContent(config.config, ts.sys, dirname(tsconfigPath)).options;
}

export function sourceFiles(dir: string): string[] {
  return ts.sys.readDirectory(dir, [".ts", ".tsx"]).map((f) => join(f));
}
