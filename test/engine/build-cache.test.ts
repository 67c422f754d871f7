import { describe, expect, it } from 'vitest';
import { buildCacheUse } from '../../src/engine/build-cache.js';
import { bk1, bk2, lg1, lg2 } from './build-transcripts.js';

describe('buildCacheUse', () => {
  it('BuildKit: a first build ran its RUN step, the second took it from the cache', () => {
    // The first build still reads CACHED for WORKDIR (engine 20.10 does so even under --no-cache).
    expect(buildCacheUse(bk1)).toEqual({ cache: 'none', steps: 1, cachedSteps: 0 });
    expect(buildCacheUse(bk2)).toEqual({ cache: 'all', steps: 1, cachedSteps: 1 });
  });

  it('legacy builder: "Using cache" under the step', () => {
    expect(buildCacheUse(lg1)).toEqual({ cache: 'none', steps: 1, cachedSteps: 0 });
    expect(buildCacheUse(lg2)).toEqual({ cache: 'all', steps: 1, cachedSteps: 1 });
  });

  it('multi-stage: some RUN steps cached is partial', () => {
    const log = [
      '#5 [builder 2/4] RUN apt-get install -y gcc',
      '#5 CACHED',
      '#6 [builder 3/4] RUN pip wheel .',
      '#6 0.512 Processing ./pkg',
      '#6 DONE 3.1s',
      '#7 [stage-1 2/2] COPY --from=builder /w /w',
      '#7 DONE 0.1s',
    ].join('\n');
    expect(buildCacheUse(log)).toEqual({ cache: 'partial', steps: 2, cachedSteps: 1 });
  });

  it('without RUN steps COPY and ADD are judged; with no step at all the use is unknown', () => {
    const copies = '#4 [1/2] FROM x\n#5 [2/2] COPY a b\n#5 CACHED\n';
    expect(buildCacheUse(copies)).toEqual({ cache: 'all', steps: 1, cachedSteps: 1 });
    expect(buildCacheUse('Successfully built abc\n').cache).toBe('unknown');
  });
});
