// How much of a `docker build` the engine's cache served, read from the build's own output: a build whose
// steps came from the cache took no build time worth comparing. Both builders' plain output is understood:
//
//   BuildKit (`--progress=plain`, the default when the output is not a terminal):
//     #7 [builder 3/5] RUN pip install …
//     #7 CACHED
//   legacy builder:
//     Step 3/5 : RUN pip install …
//      ---> Using cache
//
// A step served from an imported cache (`cache-from`, e.g. type=gha or type=registry on a fresh runner) fetches
// its layer from there, and BuildKit lists that fetch under the step:
//     #6 [2/3] RUN pip install …
//     #6 CACHED
//     #6 [2/3] RUN pip install …
//     #6 sha256:6e55f1a6… 30.31kB / 30.31kB 0.0s done
//     #6 DONE 0.1s
// When the hit and the fetch reach the plain printer in one update, the CACHED line is not printed at all; the
// fetch is then the sign. A step that runs makes its layer and never fetches one (a fetch of a parent's layer,
// when a later step runs, is listed under the parent), so a fetched layer means the step was a cache hit.
//
// Only RUN steps are judged when there are any: they are the build's work (engine 20.10 prints CACHED for a
// WORKDIR even under --no-cache, and FROM / COPY cost next to nothing); without RUN steps, COPY and ADD are.

export type CacheUse = 'none' | 'partial' | 'all' | 'unknown';

export interface BuildCacheUse {
  cache: CacheUse;
  /** Steps judged (RUN steps, or COPY/ADD when there is no RUN). */
  steps: number;
  cachedSteps: number;
}

interface Step {
  instruction: string;
  cached: boolean;
}

export function buildCacheUse(output: string): BuildCacheUse {
  const lines = output.split(/\r?\n/);
  const steps = new Map<string, Step>();
  let legacyStep: Step | null = null;
  let legacyCount = 0;
  for (const line of lines) {
    const start = /^#(\d+) \[([^\]]+)\] (.*)$/.exec(line);
    if (start) {
      const [, id, stage, text] = start;
      if (!stage!.startsWith('internal') && !steps.has(id!))
        steps.set(id!, { instruction: instructionOf(text!), cached: false });
      continue;
    }
    const hit = /^#(\d+) (?:CACHED\s*$|(?:extracting )?sha256:[0-9a-f]{64} )/.exec(line);
    if (hit) {
      const step = steps.get(hit[1]!);
      if (step) step.cached = true;
      continue;
    }
    const legacy = /^Step \d+\/\d+ : (.*)$/.exec(line);
    if (legacy) {
      legacyStep = { instruction: instructionOf(legacy[1]!), cached: false };
      steps.set(`legacy-${legacyCount++}`, legacyStep);
      continue;
    }
    if (legacyStep && /^\s*---> Using cache\s*$/.test(line)) legacyStep.cached = true;
  }
  const all = [...steps.values()];
  const runs = all.filter((s) => s.instruction === 'RUN');
  const judged = runs.length ? runs : all.filter((s) => s.instruction === 'COPY' || s.instruction === 'ADD');
  if (judged.length === 0) return { cache: 'unknown', steps: 0, cachedSteps: 0 };
  const cachedSteps = judged.filter((s) => s.cached).length;
  const cache = cachedSteps === 0 ? 'none' : cachedSteps === judged.length ? 'all' : 'partial';
  return { cache, steps: judged.length, cachedSteps };
}

function instructionOf(text: string): string {
  return /^([A-Za-z]+)/.exec(text.trim())?.[1]?.toUpperCase() ?? '';
}
