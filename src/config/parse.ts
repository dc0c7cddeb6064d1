// One file, text in, cluster + problems out. Never throws: hostile input must yield problems.
import { isMap } from 'yaml';
import { isClusterConfigDocument, readCluster, type RawCluster } from './cluster.js';
import type { ClusterSpec, Problem } from './model.js';
import { notManagedIn } from './not-managed.js';
import { hasErrors, sortProblems } from './problems.js';
import { validateCluster } from './rules/cluster.js';
import { API_GROUP, API_VERSION, KIND } from './schema.js';
import { parseYamlFile } from './yaml.js';

export interface ParsedCluster {
  /** Present when the document could be read; possibly invalid (see problems). */
  raw?: RawCluster;
  problems: Problem[];
}

/** What YAML does not allow in a file (YAML 1.2 §5.1): C0 and C1 controls but tab, LF, CR and NEL. */
const NOT_TEXT = /(?![\t\n\r\u0085])[\p{Cc}\ufffe\uffff]/u;

/** A file that is not text (a binary): one problem, at the first offending character, quoting none. */
function notText(file: string, text: string): ParsedCluster | undefined {
  const bad = NOT_TEXT.exec(text);
  if (!bad) return undefined;
  const before = text.slice(0, bad.index).split('\n');
  const code = bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
  return {
    problems: [
      {
        severity: 'error',
        file,
        line: before.length,
        column: before[before.length - 1].length + 1,
        message: `control character U+${code}: YAML does not allow control characters, so this file cannot be read`,
        hint: 'remove the character; a binary or generated file is no ClusterConfig: make the config patterns match no other file',
      },
    ],
  };
}

export function parseInternal(text: string, file: string): ParsedCluster {
  const binary = notText(file, text);
  if (binary) return binary;
  try {
    const { reader, root, ours, syntaxBroken } = parseYamlFile(
      text.replace(/^\uFEFF/, ''),
      file,
      isClusterConfigDocument,
    );
    // Syntax first and alone: fields read from a broken document lead to wrong "must be set" and
    // "did you mean" problems.
    if (syntaxBroken) return { problems: sortProblems(reader.problems) };
    if (root !== null && !ours) {
      reader.error(
        reader.pos(root),
        undefined,
        isMap(root)
          ? `this file is not an eksctl ClusterConfig: it has neither kind: ${KIND} nor an apiVersion in ${API_GROUP}`
          : 'this file is not an eksctl ClusterConfig: its top level is not a mapping',
        `only eksctl ClusterConfig files are read: start the file with "apiVersion: ${API_VERSION}" and "kind: ${KIND}", or make the config patterns match no other file`,
      );
      return { problems: sortProblems(reader.problems) };
    }
    const raw = root === null ? undefined : readCluster(reader, root);
    if (raw) {
      raw.spec.notManaged = notManagedIn(raw);
      validateCluster(reader, raw);
    }
    return { raw, problems: sortProblems(reader.problems) };
  } catch (e) {
    return {
      problems: [
        {
          severity: 'error',
          file,
          line: 1,
          column: 1,
          // The error's text may quote the file: its kind is enough to report the bug.
          message: `could not read this file (${e instanceof Error ? e.name : typeof e})`,
          hint: 'simplify the file (e.g. less nesting); this is a bug in podid-action if the file is valid eksctl YAML',
        },
      ],
    };
  }
}

export function parseClusterConfig(
  text: string,
  file: string,
): { cluster?: ClusterSpec; problems: Problem[] } {
  const { raw, problems } = parseInternal(text, file);
  return raw && !hasErrors(problems) ? { cluster: raw.spec, problems } : { problems };
}
