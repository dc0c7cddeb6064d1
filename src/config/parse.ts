// One file, text in, cluster + problems out. Never throws: hostile input must yield problems.
import { readCluster, type RawCluster } from './cluster.js';
import type { ClusterSpec, Problem } from './model.js';
import { notManagedIn } from './not-managed.js';
import { hasErrors, sortProblems } from './problems.js';
import { validateCluster } from './rules/cluster.js';
import { parseYamlFile } from './yaml.js';

export interface ParsedCluster {
  /** Present when the document could be read; possibly invalid (see problems). */
  raw?: RawCluster;
  problems: Problem[];
}

export function parseInternal(text: string, file: string): ParsedCluster {
  try {
    const { reader, root } = parseYamlFile(text.replace(/^\uFEFF/, ''), file);
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
          message: `could not read this file: ${e instanceof Error ? e.message : String(e)}`,
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
