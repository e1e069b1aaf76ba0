import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, found from this file whether it runs from server/ (tsx) or dist/server/ (built). */
function findRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'reference')))
      return dir;
    const parent = path.dirname(dir);
    if (parent === dir)
      throw new Error('Cannot find the Jiqun project root (package.json beside reference/)');
    dir = parent;
  }
}

export const PROJECT_ROOT = findRoot();

export const projectPath = (...parts: string[]) => path.join(PROJECT_ROOT, ...parts);
