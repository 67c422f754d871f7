import type { Finding, Severity } from '../../core/report.js';
import type { FsNode } from '../filesystem.js';

/** What a content rule sees: the image's final filesystem, and words for the layer that wrote a path. */
export interface ContentContext {
  root: FsNode;
  /** `layer 4 (RUN pip install -r requirements.txt)`, for messages. */
  describeLayer(index: number): string;
}

export interface ContentHit {
  message: string;
  bytes: number | null;
}

export interface ContentRule {
  id: string;
  name: string;
  severity: Severity;
  /** When it fires, in one sentence (the README's rules table). */
  summary: string;
  /** Why it matters (docs, SARIF). */
  rationale: string;
  fix: string;
  check(ctx: ContentContext): ContentHit[];
}

/** Regular-file bytes, file count and the layers that wrote them, under a directory of the final filesystem. */
export function tally(node: FsNode, include: (relative: string, n: FsNode) => boolean = () => true) {
  let bytes = 0;
  let files = 0;
  const layers = new Set<number>();
  const visit = (n: FsNode, rel: string): void => {
    if (!n.children) return;
    for (const [name, child] of n.children) {
      const path = rel ? `${rel}/${name}` : name;
      if (child.kind !== 'dir' && child.kind !== null && include(path, child)) {
        files++;
        bytes += child.size;
        layers.add(child.layer);
      }
      visit(child, path);
    }
  };
  visit(node, '');
  return { bytes, files, layers: [...layers].sort((a, b) => a - b) };
}

export function toFinding(rule: ContentRule, hit: ContentHit): Finding {
  return {
    rule: rule.id,
    name: rule.name,
    severity: rule.severity,
    message: hit.message,
    file: null,
    line: null,
    fix: rule.fix,
    bytes: hit.bytes,
  };
}
