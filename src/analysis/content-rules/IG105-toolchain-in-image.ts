import { formatBytes } from '../../core/size.js';
import { findPath } from '../filesystem.js';
import type { ContentRule } from './rule.js';

const TOOLS = ['gcc', 'cc', 'g++', 'clang', 'make'];
const DIRS = ['usr/bin', 'usr/local/bin'];

export const IG105: ContentRule = {
  id: 'IG105',
  name: 'toolchain-in-image',
  severity: 'info',
  summary: 'gcc, cc, g++, clang or make is in /usr/bin or /usr/local/bin of the final filesystem.',
  rationale:
    'Compilers and build tools are needed to build, not to run: in the final image they add size and give an attacker who gets in the tools to build more.',
  fix: 'Compile in a builder stage and copy only the results into the final stage (`COPY --from=builder …`).',
  check(ctx) {
    const found: string[] = [];
    let bytes = 0;
    for (const dir of DIRS) {
      const node = findPath(ctx.root, dir);
      for (const tool of TOOLS) {
        const hit = node?.children?.get(tool);
        if (!hit || hit.kind === 'dir' || hit.kind === null) continue;
        found.push(`/${dir}/${tool}`);
        bytes += hit.size;
      }
    }
    if (found.length === 0) return [];
    return [
      {
        message: `The image ships a compiler toolchain (${found.map((f) => `\`${f}\``).join(', ')}${bytes ? `, ${formatBytes(bytes)} in those entries alone` : ''}): build tools are only needed while building.`,
        bytes,
      },
    ];
  },
};
