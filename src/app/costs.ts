// The measurements behind the costs table (size, build, pull, start-up) that need the outside world, shared by the CLI's `compare` and the
// Action: compressed sizes from a registry (preferred: they are what a pull transfers) and start-up times.
// Whatever goes wrong is a note for the table, never a failure of the run.

import { namesRegistry } from '../core/image-ref.js';
import type { Image, StartupFigures } from '../core/report.js';
import type { RegistryClient, RegistryResult } from '../registry/registry-client.js';
import { type ContainerRunner, measureStartup, type StartupProbe } from '../startup/startup-probe.js';

/** Asks the registry about `ref` when it names one (`ghcr.io/…`, `localhost:5000/…`); null otherwise. */
export function registryLookup(client: RegistryClient, ref: string | null): Promise<RegistryResult> | null {
  if (!ref || !namesRegistry(ref)) return null;
  return client.compressedSize(ref).catch((error: unknown) => ({ ok: false as const, why: String(error) }));
}

/**
 * The image with the registry's compressed sizes when they describe this very image (same config, manifest or
 * index digest); else the image as it was (with any computed sizes) and the reason, as a note.
 */
export function withRegistrySizes(
  image: Image,
  result: RegistryResult | null,
  ref: string,
): { image: Image; note: string | null } {
  if (!result) return { image, note: null };
  if (!result.ok) {
    const fallback = image.compressed ? '; computed sizes used instead' : '';
    return { image, note: `${ref}: ${result.why}${fallback}` };
  }
  // The classic store's image ID is the config digest; the containerd store's the manifest's or the index's.
  const ids = [result.configDigest, result.manifestDigest, result.indexDigest];
  if (!ids.includes(image.id)) {
    return {
      image,
      note: `${ref}: the registry's tag points at another image than the one analyzed (${result.configDigest.slice(0, 19)}); its sizes are not used`,
    };
  }
  return { image: { ...image, compressed: result.compressed }, note: null };
}

export interface StartupRequest {
  runner: ContainerRunner | undefined;
  probe: StartupProbe;
  runs: number;
  timeoutSeconds: number;
  /** Images to start, in this order (one after the other: running them together would skew both). */
  images: { side: 'base' | 'head'; ref: string | null; why?: string }[];
}

export async function startupFor(
  request: StartupRequest,
): Promise<{ base?: StartupFigures; head?: StartupFigures }> {
  const out: { base?: StartupFigures; head?: StartupFigures } = {};
  for (const { side, ref, why } of request.images) {
    if (!ref || !request.runner) {
      out[side] = {
        medianSeconds: null,
        runs: [],
        probe: request.probe.kind === 'port' ? `port:${request.probe.port}` : `cmd:${request.probe.command}`,
        note: why ?? (request.runner ? 'no image to start' : 'no docker CLI to start containers with'),
      };
      continue;
    }
    out[side] = await measureStartup(
      ref,
      request.probe,
      { runs: request.runs, timeoutSeconds: request.timeoutSeconds },
      { runner: request.runner },
    );
  }
  return out;
}
