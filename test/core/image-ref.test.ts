import { describe, expect, it } from 'vitest';
import {
  namesRegistry,
  officialImageOf,
  parseImageRef,
  referenceProblem,
  registryOf,
  repositoryOf,
  withTag,
} from '../../src/core/image-ref.js';

const DIGEST = `sha256:${'0123456789abcdef'.repeat(4)}`;

describe('the one image-reference parser', () => {
  // The forms `docker pull` accepts (distribution's reference grammar), each with its parts.
  it.each([
    ['busybox', null, 'busybox', null, null, 'docker.io', 'library/busybox'],
    ['busybox:1.36', null, 'busybox', '1.36', null, 'docker.io', 'library/busybox'],
    ['library/busybox:latest', null, 'library/busybox', 'latest', null, 'docker.io', 'library/busybox'],
    [
      'docker.io/library/python:3.13-slim',
      'docker.io',
      'library/python',
      '3.13-slim',
      null,
      'docker.io',
      'library/python',
    ],
    ['index.docker.io/org/app', 'index.docker.io', 'org/app', null, null, 'docker.io', 'org/app'],
    ['ghcr.io/org/team/app:v1.2.3', 'ghcr.io', 'org/team/app', 'v1.2.3', null, 'ghcr.io', 'org/team/app'],
    ['localhost/app', 'localhost', 'app', null, null, 'localhost', 'app'],
    ['localhost:5000/a/b:t', 'localhost:5000', 'a/b', 't', null, 'localhost:5000', 'a/b'],
    ['127.0.0.1:5000/x', '127.0.0.1:5000', 'x', null, null, '127.0.0.1:5000', 'x'],
    ['[::1]:5000/x', '[::1]:5000', 'x', null, null, '[::1]:5000', 'x'],
    ['Registry/app', 'registry', 'app', null, null, 'registry', 'app'],
    [`app@${DIGEST}`, null, 'app', null, DIGEST, 'docker.io', 'library/app'],
    [`ghcr.io/o/a:1@${DIGEST}`, 'ghcr.io', 'o/a', '1', DIGEST, 'ghcr.io', 'o/a'],
    ['a__b/c.d-e--f_g:x_Y.z-1', null, 'a__b/c.d-e--f_g', 'x_Y.z-1', null, 'docker.io', 'a__b/c.d-e--f_g'],
  ])('%s', (text, registry, path, tag, digest, pullsFrom, repository) => {
    expect(referenceProblem(text)).toBeNull();
    const ref = parseImageRef(text);
    expect(ref).toEqual({ text, registry, path, tag, digest });
    expect(registryOf(ref)).toBe(pullsFrom);
    expect(repositoryOf(ref)).toBe(repository);
  });

  it.each([
    ['', /empty/],
    [' busybox', /spaces/],
    ['--help', /repository name/],
    ['../../127.0.0.1:5000/x?', /registry ".."/],
    ['../../info?', /registry ".."/],
    ['Busybox', /repository name/],
    ['app:', /tag/],
    [`app:${'t'.repeat(129)}`, /tag/],
    ['app:-x', /tag/],
    ['app@sha256:abc', /digest/],
    ['bad_host.io:x/app', /registry/],
    ['a//b', /repository name/],
    ['a/', /repository name/],
    [`r.io/${'a'.repeat(260)}`, /255/],
  ])('refuses %j', (text, why) => {
    expect(referenceProblem(text)).toMatch(why);
  });

  it('knows Docker Hub, its aliases and a registry of its own', () => {
    expect(namesRegistry('busybox')).toBe(false);
    expect(namesRegistry('registry-1.docker.io/library/busybox')).toBe(false);
    expect(namesRegistry('ghcr.io/o/a')).toBe(true);
    expect(namesRegistry('localhost:5000/a')).toBe(true);
    expect(namesRegistry('--help')).toBe(false);
  });

  it('adds :latest only where there is neither tag nor digest', () => {
    expect(withTag('busybox')).toBe('busybox:latest');
    expect(withTag('localhost:5000/a')).toBe('localhost:5000/a:latest');
    expect(withTag('localhost:5000/a:1')).toBe('localhost:5000/a:1');
    expect(withTag(`a@${DIGEST}`)).toBe(`a@${DIGEST}`);
  });

  it('names Docker Official Images through mirrors', () => {
    const official = (t: string) => officialImageOf(parseImageRef(t));
    expect(official('python:3.13')).toBe('python');
    expect(official('docker.io/library/python')).toBe('python');
    expect(official('mirror.gcr.io/library/python')).toBe('python');
    expect(official('public.ecr.aws/docker/library/python:3')).toBe('python');
    expect(official('org/python')).toBeNull();
    expect(official('ghcr.io/org/python')).toBeNull();
  });
});
