import { describe, expect, it } from 'vitest';
import { buildCacheUse } from '../../src/engine/build-cache.js';
import { bk1, bk2, lg1, lg2 } from './build-transcripts.js';

describe('buildCacheUse', () => {
  it('BuildKit: a first build ran its RUN step, the second took it from the cache', () => {
    // The first build still reads CACHED for WORKDIR (engine 20.10 does so even under --no-cache).
    expect(buildCacheUse(bk1)).toEqual({ cache: 'none', steps: 1, cachedSteps: 0 });
    expect(buildCacheUse(bk2)).toEqual({ cache: 'all', steps: 1, cachedSteps: 1 });
  });

  it('BuildKit with an imported cache: a step whose layer is fetched from the cache is a hit, CACHED or not', () => {
    // Docker 26.1 / buildx 0.13, cache-from type=registry after the local cache was pruned. The plain printer
    // showed no CACHED line for step 6 (the hit and the layer fetch came in one update).
    const noCachedLine = [
      '#4 [1/2] FROM docker.io/image-guard-fixture/busybox:1@sha256:c977efd3c960090543259ba121b12d27a0d8b0ebd57aa5cc3c2025bbb5393c26',
      '#4 resolve docker.io/image-guard-fixture/busybox:1@sha256:c977efd3c960090543259ba121b12d27a0d8b0ebd57aa5cc3c2025bbb5393c26 0.0s done',
      '#4 DONE 0.0s',
      '#5 importing cache manifest from 127.0.0.1:5000/image-guard-test/build-cache:14419-mx64w17v',
      '#5 inferred cache manifest type: application/vnd.oci.image.index.v1+json done',
      '#5 DONE 0.1s',
      '#6 [2/2] RUN head -c 30000 /dev/urandom > /rand && echo 14419-mx64w17v > /tag',
      '#6 sha256:c1147de6a404b6e9e642ade8a726ac151698e82f08a550dccfd93880fd470653 30.33kB / 30.33kB 0.0s done',
      '#6 DONE 0.0s',
      '#7 exporting to image',
    ].join('\n');
    expect(buildCacheUse(noCachedLine)).toEqual({ cache: 'all', steps: 1, cachedSteps: 1 });
    // The next step missed the cache and ran: the parent's layer, fetched for it, is listed under the parent.
    const thenRan = [
      '#6 [2/3] RUN head -c 30000 /dev/urandom > /rand && echo 24566 > /tag',
      '#6 CACHED',
      '#6 [2/3] RUN head -c 30000 /dev/urandom > /rand && echo 24566 > /tag',
      '#6 sha256:6e55f1a6fa2b1f87ecfff581febf8541c06205c7f3d7d78e92e63f3ededa03f9 30.31kB / 30.31kB 0.0s done',
      '#6 extracting sha256:6e55f1a6fa2b1f87ecfff581febf8541c06205c7f3d7d78e92e63f3ededa03f9 0.0s done',
      '#6 DONE 0.1s',
      '#7 [3/3] RUN mkdir /s2',
      '#7 DONE 0.3s',
    ].join('\n');
    expect(buildCacheUse(thenRan)).toEqual({ cache: 'partial', steps: 2, cachedSteps: 1 });
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
