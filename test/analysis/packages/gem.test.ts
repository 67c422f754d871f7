import { describe, expect, it } from 'vitest';
import { readGems } from '../../../src/analysis/packages/gem.js';

// The head of a specification as RubyGems 3.4 writes it at install.
const RAKE = `# -*- encoding: utf-8 -*-
# stub: rake 13.1.0 ruby lib

Gem::Specification.new do |s|
  s.name = "rake".freeze
  s.version = "13.1.0".freeze

  s.required_rubygems_version = Gem::Requirement.new(">= 1.3.2".freeze) if s.respond_to? :required_rubygems_version=
  s.require_paths = ["lib".freeze]
  s.authors = ["Hiroshi SHIBATA".freeze, "Eric Hodel".freeze, "Jim Weirich".freeze]
end
`;

describe('readGems', () => {
  it('reads name and version from the specification; the gem owns gems/<base name>/ and its spec', () => {
    const dir = 'usr/local/bundle';
    const { records, skipped } = readGems(
      new Map([
        [`${dir}/specifications/rake-13.1.0.gemspec`, Buffer.from(RAKE)],
        [
          `${dir}/specifications/nokogiri-1.16.0-x86_64-linux.gemspec`,
          Buffer.from(
            'Gem::Specification.new do |s|\n  s.name = "nokogiri".freeze\n  s.version = "1.16.0"\nend\n',
          ),
        ],
        [`${dir}/specifications/broken-1.gemspec`, Buffer.from('\u0000\u00ff')],
      ]),
    );
    expect(skipped).toBe(1);
    expect(records).toEqual([
      {
        ecosystem: 'gem',
        name: 'rake',
        version: '13.1.0',
        location: `/${dir}/specifications/rake-13.1.0.gemspec`,
        files: [`${dir}/specifications/rake-13.1.0.gemspec`],
        dirs: [{ path: `${dir}/gems/rake-13.1.0` }],
      },
      {
        ecosystem: 'gem',
        name: 'nokogiri',
        version: '1.16.0',
        location: `/${dir}/specifications/nokogiri-1.16.0-x86_64-linux.gemspec`,
        files: [`${dir}/specifications/nokogiri-1.16.0-x86_64-linux.gemspec`],
        dirs: [{ path: `${dir}/gems/nokogiri-1.16.0-x86_64-linux` }],
      },
    ]);
  });
});
