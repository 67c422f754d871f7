import { createRequire as __igCreateRequire } from 'node:module'; import { fileURLToPath as __igFileURLToPath } from 'node:url'; import { dirname as __igDirname } from 'node:path'; const require = __igCreateRequire(import.meta.url); const __filename = __igFileURLToPath(import.meta.url); const __dirname = __igDirname(__filename); process.noDeprecation = true;

// src/analysis/file-index.ts
function comparePaths(left, right) {
  const n = Math.min(left.length, right.length);
  for (let i = 0; i < n; i++) {
    const x = left.charCodeAt(i);
    const y = right.charCodeAt(i);
    if (x === y) continue;
    if (x === 47) return -1;
    if (y === 47) return 1;
    return x - y;
  }
  return left.length - right.length;
}
function fileIndexOf(fs, diffIds) {
  const paths = [];
  const sizes = [];
  const layers = [];
  const counted = /* @__PURE__ */ new Set();
  const stack = [];
  const open = (node, prefix) => {
    if (node.children && node.children.size > 0) {
      stack.push({ prefix, children: node.children, names: [...node.children.keys()].sort(), next: 0 });
    }
  };
  open(fs.root, "");
  while (stack.length > 0) {
    const frame = stack[stack.length - 1];
    if (frame.next === frame.names.length) {
      stack.pop();
      continue;
    }
    const name = frame.names[frame.next++];
    const node = frame.children.get(name);
    const path = frame.prefix + name;
    if (node.kind === "file" || node.kind === "hardlink") {
      const inode = fs.inodes.size > 0 ? fs.inodes.get(node) : void 0;
      let size = node.kind === "file" ? node.size : 0;
      if (inode) {
        size = counted.has(inode) ? 0 : inode.size;
        counted.add(inode);
      }
      paths.push(path);
      sizes.push(size);
      layers.push(node.layer);
    } else if (node.children) {
      open(node, `${path}/`);
    }
  }
  return { paths, sizes, layers, diffIds: [...diffIds] };
}

export {
  comparePaths,
  fileIndexOf
};
