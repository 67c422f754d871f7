import { createRequire as __igCreateRequire } from 'node:module'; import { fileURLToPath as __igFileURLToPath } from 'node:url'; import { dirname as __igDirname } from 'node:path'; const require = __igCreateRequire(import.meta.url); const __filename = __igFileURLToPath(import.meta.url); const __dirname = __igDirname(__filename); process.noDeprecation = true;
import {
  decidePassed
} from "./chunk-YVMMMQ26.js";
import {
  comparePaths
} from "./chunk-DNIAJJEW.js";
import {
  instructionKind,
  normalizeInstruction
} from "./chunk-QPMSVJNA.js";
import {
  TOOL_NAME,
  VERSION
} from "./chunk-BKVAAZPZ.js";
import {
  __commonJS,
  __toESM
} from "./chunk-6S3NRT4R.js";

// node_modules/@renovatebot/pep440/lib/version.js
var require_version = __commonJS({
  "node_modules/@renovatebot/pep440/lib/version.js"(exports, module) {
    var VERSION_PATTERN = [
      "v?",
      "(?:",
      /* */
      "(?:(?<epoch>[0-9]+)!)?",
      // epoch
      /* */
      "(?<release>[0-9]+(?:\\.[0-9]+)*)",
      // release segment
      /* */
      "(?<pre>",
      // pre-release
      /*    */
      "[-_\\.]?",
      /*    */
      "(?<pre_l>(a|b|c|rc|alpha|beta|pre|preview))",
      /*    */
      "[-_\\.]?",
      /*    */
      "(?<pre_n>[0-9]+)?",
      /* */
      ")?",
      /* */
      "(?<post>",
      // post release
      /*    */
      "(?:-(?<post_n1>[0-9]+))",
      /*    */
      "|",
      /*    */
      "(?:",
      /*        */
      "[-_\\.]?",
      /*        */
      "(?<post_l>post|rev|r)",
      /*        */
      "[-_\\.]?",
      /*        */
      "(?<post_n2>[0-9]+)?",
      /*    */
      ")",
      /* */
      ")?",
      /* */
      "(?<dev>",
      // dev release
      /*    */
      "[-_\\.]?",
      /*    */
      "(?<dev_l>dev)",
      /*    */
      "[-_\\.]?",
      /*    */
      "(?<dev_n>[0-9]+)?",
      /* */
      ")?",
      ")",
      "(?:\\+(?<local>[a-z0-9]+(?:[-_\\.][a-z0-9]+)*))?"
      // local version
    ].join("");
    module.exports = {
      VERSION_PATTERN,
      valid,
      clean,
      explain,
      parse,
      stringify
    };
    var validRegex = new RegExp("^" + VERSION_PATTERN + "$", "i");
    function valid(version) {
      return validRegex.test(version) ? version : null;
    }
    var cleanRegex = new RegExp("^\\s*" + VERSION_PATTERN + "\\s*$", "i");
    function clean(version) {
      return stringify(parse(version, cleanRegex));
    }
    function parse(version, regex) {
      const { groups } = (regex || validRegex).exec(version) || {};
      if (!groups) {
        return null;
      }
      const parsed = {
        epoch: Number(groups.epoch ? groups.epoch : 0),
        release: groups.release.split(".").map(Number),
        pre: normalize_letter_version(groups.pre_l, groups.pre_n),
        post: normalize_letter_version(
          groups.post_l,
          groups.post_n1 || groups.post_n2
        ),
        dev: normalize_letter_version(groups.dev_l, groups.dev_n),
        local: parse_local_version(groups.local)
      };
      return parsed;
    }
    function stringify(parsed) {
      if (!parsed) {
        return null;
      }
      const { epoch, release, pre, post, dev, local } = parsed;
      const parts = [];
      if (epoch !== 0) {
        parts.push(`${epoch}!`);
      }
      parts.push(release.join("."));
      if (pre) {
        parts.push(pre.join(""));
      }
      if (post) {
        parts.push("." + post.join(""));
      }
      if (dev) {
        parts.push("." + dev.join(""));
      }
      if (local) {
        parts.push(`+${local}`);
      }
      return parts.join("");
    }
    function normalize_letter_version(letterIn, numberIn) {
      let letter = letterIn;
      let number = numberIn;
      if (letter) {
        if (!number) {
          number = 0;
        }
        letter = letter.toLowerCase();
        if (letter === "alpha") {
          letter = "a";
        } else if (letter === "beta") {
          letter = "b";
        } else if (["c", "pre", "preview"].includes(letter)) {
          letter = "rc";
        } else if (["rev", "r"].includes(letter)) {
          letter = "post";
        }
        return [letter, Number(number)];
      }
      if (!letter && number) {
        letter = "post";
        return [letter, Number(number)];
      }
      return null;
    }
    function parse_local_version(local) {
      if (local) {
        return local.split(/[._-]/).map(
          (part) => Number.isNaN(Number(part)) ? part.toLowerCase() : Number(part)
        );
      }
      return null;
    }
    function explain(version) {
      const parsed = parse(version);
      if (!parsed) {
        return parsed;
      }
      const { epoch, release, pre, post, dev, local } = parsed;
      let base_version = "";
      if (epoch !== 0) {
        base_version += epoch + "!";
      }
      base_version += release.join(".");
      const is_prerelease = Boolean(dev || pre);
      const is_devrelease = Boolean(dev);
      const is_postrelease = Boolean(post);
      return {
        epoch,
        release,
        pre,
        post: post ? post[1] : post,
        dev: dev ? dev[1] : dev,
        local: local ? local.join(".") : local,
        public: stringify(parsed).split("+", 1)[0],
        base_version,
        is_prerelease,
        is_devrelease,
        is_postrelease
      };
    }
  }
});

// node_modules/@renovatebot/pep440/lib/operator.js
var require_operator = __commonJS({
  "node_modules/@renovatebot/pep440/lib/operator.js"(exports, module) {
    var { parse } = require_version();
    module.exports = {
      compare,
      rcompare,
      lt,
      le,
      eq,
      ne,
      ge,
      gt,
      "<": lt,
      "<=": le,
      "==": eq,
      "!=": ne,
      ">=": ge,
      ">": gt,
      "===": arbitrary
    };
    function lt(version, other) {
      return compare(version, other) < 0;
    }
    function le(version, other) {
      return compare(version, other) <= 0;
    }
    function eq(version, other) {
      return compare(version, other) === 0;
    }
    function ne(version, other) {
      return compare(version, other) !== 0;
    }
    function ge(version, other) {
      return compare(version, other) >= 0;
    }
    function gt(version, other) {
      return compare(version, other) > 0;
    }
    function arbitrary(version, other) {
      return version.toLowerCase() === other.toLowerCase();
    }
    function compare(version, other) {
      const parsedVersion = parse(version);
      const parsedOther = parse(other);
      const keyVersion = calculateKey(parsedVersion);
      const keyOther = calculateKey(parsedOther);
      return pyCompare(keyVersion, keyOther);
    }
    function rcompare(version, other) {
      return -compare(version, other);
    }
    function pyCompare(elemIn, otherIn) {
      let elem = elemIn;
      let other = otherIn;
      if (elem === other) {
        return 0;
      }
      if (Array.isArray(elem) !== Array.isArray(other)) {
        elem = Array.isArray(elem) ? elem : [elem];
        other = Array.isArray(other) ? other : [other];
      }
      if (Array.isArray(elem)) {
        const len = Math.min(elem.length, other.length);
        for (let i = 0; i < len; i += 1) {
          const res = pyCompare(elem[i], other[i]);
          if (res !== 0) {
            return res;
          }
        }
        return elem.length - other.length;
      }
      if (elem === -Infinity || other === Infinity) {
        return -1;
      }
      if (elem === Infinity || other === -Infinity) {
        return 1;
      }
      return elem < other ? -1 : 1;
    }
    function calculateKey(input) {
      const { epoch } = input;
      let { release, pre, post, local, dev } = input;
      release = release.concat();
      release.reverse();
      while (release.length && release[0] === 0) {
        release.shift();
      }
      release.reverse();
      if (!pre && !post && dev) pre = -Infinity;
      else if (!pre) pre = Infinity;
      if (!post) post = -Infinity;
      if (!dev) dev = Infinity;
      if (!local) {
        local = -Infinity;
      } else {
        local = local.map(
          (i) => Number.isNaN(Number(i)) ? [-Infinity, i] : [Number(i), ""]
        );
      }
      return [epoch, release, pre, post, dev, local];
    }
  }
});

// node_modules/semver/internal/debug.js
var require_debug = __commonJS({
  "node_modules/semver/internal/debug.js"(exports, module) {
    "use strict";
    var debug = typeof process === "object" && process.env && process.env.NODE_DEBUG && /\bsemver\b/i.test(process.env.NODE_DEBUG) ? (...args) => console.error("SEMVER", ...args) : () => {
    };
    module.exports = debug;
  }
});

// node_modules/semver/internal/constants.js
var require_constants = __commonJS({
  "node_modules/semver/internal/constants.js"(exports, module) {
    "use strict";
    var SEMVER_SPEC_VERSION = "2.0.0";
    var MAX_LENGTH = 256;
    var MAX_SAFE_INTEGER = Number.MAX_SAFE_INTEGER || /* istanbul ignore next */
    9007199254740991;
    var MAX_SAFE_COMPONENT_LENGTH = 16;
    var MAX_SAFE_BUILD_LENGTH = MAX_LENGTH - 6;
    var WHITESPACE_CHARACTERS = [
      "	",
      "\n",
      "\v",
      "\f",
      "\r",
      " ",
      "\xA0",
      "\u1680",
      "\u2000",
      "\u2001",
      "\u2002",
      "\u2003",
      "\u2004",
      "\u2005",
      "\u2006",
      "\u2007",
      "\u2008",
      "\u2009",
      "\u200A",
      "\u2028",
      "\u2029",
      "\u202F",
      "\u205F",
      "\u3000",
      "\uFEFF"
    ];
    var RELEASE_TYPES = [
      "major",
      "premajor",
      "minor",
      "preminor",
      "patch",
      "prepatch",
      "prerelease"
    ];
    module.exports = {
      MAX_LENGTH,
      MAX_SAFE_COMPONENT_LENGTH,
      MAX_SAFE_BUILD_LENGTH,
      MAX_SAFE_INTEGER,
      WHITESPACE_CHARACTERS,
      RELEASE_TYPES,
      SEMVER_SPEC_VERSION,
      FLAG_INCLUDE_PRERELEASE: 1,
      FLAG_LOOSE: 2
    };
  }
});

// node_modules/semver/internal/re.js
var require_re = __commonJS({
  "node_modules/semver/internal/re.js"(exports, module) {
    "use strict";
    var {
      MAX_SAFE_COMPONENT_LENGTH,
      MAX_SAFE_BUILD_LENGTH,
      MAX_LENGTH
    } = require_constants();
    var debug = require_debug();
    exports = module.exports = {};
    var re = exports.re = [];
    var safeRe = exports.safeRe = [];
    var src = exports.src = [];
    var safeSrc = exports.safeSrc = [];
    var t = exports.t = {};
    var R = 0;
    var LETTERDASHNUMBER = "[a-zA-Z0-9-]";
    var safeRegexReplacements = [
      ["\\s", 1],
      ["\\d", MAX_LENGTH],
      [LETTERDASHNUMBER, MAX_SAFE_BUILD_LENGTH]
    ];
    var makeSafeRegex = (value) => {
      for (const [token, max] of safeRegexReplacements) {
        value = value.split(`${token}*`).join(`${token}{0,${max}}`).split(`${token}+`).join(`${token}{1,${max}}`);
      }
      return value;
    };
    var createToken = (name, value, isGlobal) => {
      const safe = makeSafeRegex(value);
      const index = R++;
      debug(name, index, value);
      t[name] = index;
      src[index] = value;
      safeSrc[index] = safe;
      re[index] = new RegExp(value, isGlobal ? "g" : void 0);
      safeRe[index] = new RegExp(safe, isGlobal ? "g" : void 0);
    };
    createToken("NUMERICIDENTIFIER", "0|[1-9]\\d*");
    createToken("NUMERICIDENTIFIERLOOSE", "\\d+");
    createToken("NONNUMERICIDENTIFIER", `\\d*[a-zA-Z-]${LETTERDASHNUMBER}*`);
    createToken("MAINVERSION", `(${src[t.NUMERICIDENTIFIER]})\\.(${src[t.NUMERICIDENTIFIER]})\\.(${src[t.NUMERICIDENTIFIER]})`);
    createToken("MAINVERSIONLOOSE", `(${src[t.NUMERICIDENTIFIERLOOSE]})\\.(${src[t.NUMERICIDENTIFIERLOOSE]})\\.(${src[t.NUMERICIDENTIFIERLOOSE]})`);
    createToken("PRERELEASEIDENTIFIER", `(?:${src[t.NONNUMERICIDENTIFIER]}|${src[t.NUMERICIDENTIFIER]})`);
    createToken("PRERELEASEIDENTIFIERLOOSE", `(?:${src[t.NONNUMERICIDENTIFIER]}|${src[t.NUMERICIDENTIFIERLOOSE]})`);
    createToken("PRERELEASE", `(?:-(${src[t.PRERELEASEIDENTIFIER]}(?:\\.${src[t.PRERELEASEIDENTIFIER]})*))`);
    createToken("PRERELEASELOOSE", `(?:-?(${src[t.PRERELEASEIDENTIFIERLOOSE]}(?:\\.${src[t.PRERELEASEIDENTIFIERLOOSE]})*))`);
    createToken("BUILDIDENTIFIER", `${LETTERDASHNUMBER}+`);
    createToken("BUILD", `(?:\\+(${src[t.BUILDIDENTIFIER]}(?:\\.${src[t.BUILDIDENTIFIER]})*))`);
    createToken("FULLPLAIN", `v?${src[t.MAINVERSION]}${src[t.PRERELEASE]}?${src[t.BUILD]}?`);
    createToken("FULL", `^${src[t.FULLPLAIN]}$`);
    createToken("LOOSEPLAIN", `[v=\\s]*${src[t.MAINVERSIONLOOSE]}${src[t.PRERELEASELOOSE]}?${src[t.BUILD]}?`);
    createToken("LOOSE", `^${src[t.LOOSEPLAIN]}$`);
    createToken("GTLT", "((?:<|>)?=?)");
    createToken("XRANGEIDENTIFIERLOOSE", `${src[t.NUMERICIDENTIFIERLOOSE]}|x|X|\\*`);
    createToken("XRANGEIDENTIFIER", `${src[t.NUMERICIDENTIFIER]}|x|X|\\*`);
    createToken("XRANGEPLAIN", `[v=\\s]*(${src[t.XRANGEIDENTIFIER]})(?:\\.(${src[t.XRANGEIDENTIFIER]})(?:\\.(${src[t.XRANGEIDENTIFIER]})(?:${src[t.PRERELEASE]})?${src[t.BUILD]}?)?)?`);
    createToken("XRANGEPLAINLOOSE", `[v=\\s]*(${src[t.XRANGEIDENTIFIERLOOSE]})(?:\\.(${src[t.XRANGEIDENTIFIERLOOSE]})(?:\\.(${src[t.XRANGEIDENTIFIERLOOSE]})(?:${src[t.PRERELEASELOOSE]})?${src[t.BUILD]}?)?)?`);
    createToken("XRANGE", `^${src[t.GTLT]}\\s*${src[t.XRANGEPLAIN]}$`);
    createToken("XRANGELOOSE", `^${src[t.GTLT]}\\s*${src[t.XRANGEPLAINLOOSE]}$`);
    createToken("COERCEPLAIN", `${"(^|[^\\d])(\\d{1,"}${MAX_SAFE_COMPONENT_LENGTH}})(?:\\.(\\d{1,${MAX_SAFE_COMPONENT_LENGTH}}))?(?:\\.(\\d{1,${MAX_SAFE_COMPONENT_LENGTH}}))?`);
    createToken("COERCE", `${src[t.COERCEPLAIN]}(?:$|[^\\d])`);
    createToken("COERCEFULL", src[t.COERCEPLAIN] + `(?:${src[t.PRERELEASE]})?(?:${src[t.BUILD]})?(?:$|[^\\d])`);
    createToken("COERCERTL", src[t.COERCE], true);
    createToken("COERCERTLFULL", src[t.COERCEFULL], true);
    createToken("LONETILDE", "(?:~>?)");
    createToken("TILDETRIM", `(\\s*)${src[t.LONETILDE]}\\s+`, true);
    exports.tildeTrimReplace = "$1~";
    createToken("TILDE", `^${src[t.LONETILDE]}${src[t.XRANGEPLAIN]}$`);
    createToken("TILDELOOSE", `^${src[t.LONETILDE]}${src[t.XRANGEPLAINLOOSE]}$`);
    createToken("LONECARET", "(?:\\^)");
    createToken("CARETTRIM", `(\\s*)${src[t.LONECARET]}\\s+`, true);
    exports.caretTrimReplace = "$1^";
    createToken("CARET", `^${src[t.LONECARET]}${src[t.XRANGEPLAIN]}$`);
    createToken("CARETLOOSE", `^${src[t.LONECARET]}${src[t.XRANGEPLAINLOOSE]}$`);
    createToken("COMPARATORLOOSE", `^${src[t.GTLT]}\\s*(${src[t.LOOSEPLAIN]})$|^$`);
    createToken("COMPARATOR", `^${src[t.GTLT]}\\s*(${src[t.FULLPLAIN]})$|^$`);
    createToken("COMPARATORTRIM", `(\\s*)${src[t.GTLT]}\\s*(${src[t.LOOSEPLAIN]}|${src[t.XRANGEPLAIN]})`, true);
    exports.comparatorTrimReplace = "$1$2$3";
    createToken("HYPHENRANGE", `^\\s*(${src[t.XRANGEPLAIN]})\\s+-\\s+(${src[t.XRANGEPLAIN]})\\s*$`);
    createToken("HYPHENRANGELOOSE", `^\\s*(${src[t.XRANGEPLAINLOOSE]})\\s+-\\s+(${src[t.XRANGEPLAINLOOSE]})\\s*$`);
    createToken("STAR", "(<|>)?=?\\s*\\*");
    createToken("GTE0", "^\\s*>=\\s*0\\.0\\.0\\s*$");
    createToken("GTE0PRE", "^\\s*>=\\s*0\\.0\\.0-0\\s*$");
  }
});

// node_modules/semver/internal/parse-options.js
var require_parse_options = __commonJS({
  "node_modules/semver/internal/parse-options.js"(exports, module) {
    "use strict";
    var looseOption = Object.freeze({ loose: true });
    var emptyOpts = Object.freeze({});
    var parseOptions = (options) => {
      if (!options) {
        return emptyOpts;
      }
      if (typeof options !== "object") {
        return looseOption;
      }
      return options;
    };
    module.exports = parseOptions;
  }
});

// node_modules/semver/internal/identifiers.js
var require_identifiers = __commonJS({
  "node_modules/semver/internal/identifiers.js"(exports, module) {
    "use strict";
    var numeric = /^[0-9]+$/;
    var compareIdentifiers = (a, b) => {
      if (typeof a === "number" && typeof b === "number") {
        return a === b ? 0 : a < b ? -1 : 1;
      }
      const anum = numeric.test(a);
      const bnum = numeric.test(b);
      if (anum && bnum) {
        a = +a;
        b = +b;
      }
      return a === b ? 0 : anum && !bnum ? -1 : bnum && !anum ? 1 : a < b ? -1 : 1;
    };
    var rcompareIdentifiers = (a, b) => compareIdentifiers(b, a);
    module.exports = {
      compareIdentifiers,
      rcompareIdentifiers
    };
  }
});

// node_modules/semver/classes/semver.js
var require_semver = __commonJS({
  "node_modules/semver/classes/semver.js"(exports, module) {
    "use strict";
    var debug = require_debug();
    var { MAX_LENGTH, MAX_SAFE_INTEGER } = require_constants();
    var { safeRe: re, t } = require_re();
    var parseOptions = require_parse_options();
    var { compareIdentifiers } = require_identifiers();
    var isPrereleaseIdentifier = (prerelease, identifier) => {
      const identifiers = identifier.split(".");
      if (identifiers.length > prerelease.length) {
        return false;
      }
      for (let i = 0; i < identifiers.length; i++) {
        if (compareIdentifiers(prerelease[i], identifiers[i]) !== 0) {
          return false;
        }
      }
      return true;
    };
    var SemVer = class _SemVer {
      constructor(version, options) {
        options = parseOptions(options);
        if (version instanceof _SemVer) {
          if (version.loose === !!options.loose && version.includePrerelease === !!options.includePrerelease) {
            return version;
          } else {
            version = version.version;
          }
        } else if (typeof version !== "string") {
          throw new TypeError(`Invalid version. Must be a string. Got type "${typeof version}".`);
        }
        if (version.length > MAX_LENGTH) {
          throw new TypeError(
            `version is longer than ${MAX_LENGTH} characters`
          );
        }
        debug("SemVer", version, options);
        this.options = options;
        this.loose = !!options.loose;
        this.includePrerelease = !!options.includePrerelease;
        const m = version.trim().match(options.loose ? re[t.LOOSE] : re[t.FULL]);
        if (!m) {
          throw new TypeError(`Invalid Version: ${version}`);
        }
        this.raw = version;
        this.major = +m[1];
        this.minor = +m[2];
        this.patch = +m[3];
        if (this.major > MAX_SAFE_INTEGER || this.major < 0) {
          throw new TypeError("Invalid major version");
        }
        if (this.minor > MAX_SAFE_INTEGER || this.minor < 0) {
          throw new TypeError("Invalid minor version");
        }
        if (this.patch > MAX_SAFE_INTEGER || this.patch < 0) {
          throw new TypeError("Invalid patch version");
        }
        if (!m[4]) {
          this.prerelease = [];
        } else {
          this.prerelease = m[4].split(".").map((id) => {
            if (/^[0-9]+$/.test(id)) {
              const num = +id;
              if (num >= 0 && num < MAX_SAFE_INTEGER) {
                return num;
              }
            }
            return id;
          });
        }
        this.build = m[5] ? m[5].split(".") : [];
        this.format();
      }
      format() {
        this.version = `${this.major}.${this.minor}.${this.patch}`;
        if (this.prerelease.length) {
          this.version += `-${this.prerelease.join(".")}`;
        }
        return this.version;
      }
      toString() {
        return this.version;
      }
      compare(other) {
        debug("SemVer.compare", this.version, this.options, other);
        if (!(other instanceof _SemVer)) {
          if (typeof other === "string" && other === this.version) {
            return 0;
          }
          other = new _SemVer(other, this.options);
        }
        if (other.version === this.version) {
          return 0;
        }
        return this.compareMain(other) || this.comparePre(other);
      }
      compareMain(other) {
        if (!(other instanceof _SemVer)) {
          other = new _SemVer(other, this.options);
        }
        if (this.major < other.major) {
          return -1;
        }
        if (this.major > other.major) {
          return 1;
        }
        if (this.minor < other.minor) {
          return -1;
        }
        if (this.minor > other.minor) {
          return 1;
        }
        if (this.patch < other.patch) {
          return -1;
        }
        if (this.patch > other.patch) {
          return 1;
        }
        return 0;
      }
      comparePre(other) {
        if (!(other instanceof _SemVer)) {
          other = new _SemVer(other, this.options);
        }
        if (this.prerelease.length && !other.prerelease.length) {
          return -1;
        } else if (!this.prerelease.length && other.prerelease.length) {
          return 1;
        } else if (!this.prerelease.length && !other.prerelease.length) {
          return 0;
        }
        let i = 0;
        do {
          const a = this.prerelease[i];
          const b = other.prerelease[i];
          debug("prerelease compare", i, a, b);
          if (a === void 0 && b === void 0) {
            return 0;
          } else if (b === void 0) {
            return 1;
          } else if (a === void 0) {
            return -1;
          } else if (a === b) {
            continue;
          } else {
            return compareIdentifiers(a, b);
          }
        } while (++i);
      }
      compareBuild(other) {
        if (!(other instanceof _SemVer)) {
          other = new _SemVer(other, this.options);
        }
        let i = 0;
        do {
          const a = this.build[i];
          const b = other.build[i];
          debug("build compare", i, a, b);
          if (a === void 0 && b === void 0) {
            return 0;
          } else if (b === void 0) {
            return 1;
          } else if (a === void 0) {
            return -1;
          } else if (a === b) {
            continue;
          } else {
            return compareIdentifiers(a, b);
          }
        } while (++i);
      }
      // preminor will bump the version up to the next minor release, and immediately
      // down to pre-release. premajor and prepatch work the same way.
      inc(release, identifier, identifierBase) {
        if (release.startsWith("pre")) {
          if (!identifier && identifierBase === false) {
            throw new Error("invalid increment argument: identifier is empty");
          }
          if (identifier) {
            const match = `-${identifier}`.match(this.options.loose ? re[t.PRERELEASELOOSE] : re[t.PRERELEASE]);
            if (!match || match[1] !== identifier) {
              throw new Error(`invalid identifier: ${identifier}`);
            }
          }
        }
        switch (release) {
          case "premajor":
            this.prerelease.length = 0;
            this.patch = 0;
            this.minor = 0;
            this.major++;
            this.inc("pre", identifier, identifierBase);
            break;
          case "preminor":
            this.prerelease.length = 0;
            this.patch = 0;
            this.minor++;
            this.inc("pre", identifier, identifierBase);
            break;
          case "prepatch":
            this.prerelease.length = 0;
            this.inc("patch", identifier, identifierBase);
            this.inc("pre", identifier, identifierBase);
            break;
          // If the input is a non-prerelease version, this acts the same as
          // prepatch.
          case "prerelease":
            if (this.prerelease.length === 0) {
              this.inc("patch", identifier, identifierBase);
            }
            this.inc("pre", identifier, identifierBase);
            break;
          case "release":
            if (this.prerelease.length === 0) {
              throw new Error(`version ${this.raw} is not a prerelease`);
            }
            this.prerelease.length = 0;
            break;
          case "major":
            if (this.minor !== 0 || this.patch !== 0 || this.prerelease.length === 0) {
              this.major++;
            }
            this.minor = 0;
            this.patch = 0;
            this.prerelease = [];
            break;
          case "minor":
            if (this.patch !== 0 || this.prerelease.length === 0) {
              this.minor++;
            }
            this.patch = 0;
            this.prerelease = [];
            break;
          case "patch":
            if (this.prerelease.length === 0) {
              this.patch++;
            }
            this.prerelease = [];
            break;
          // This probably shouldn't be used publicly.
          // 1.0.0 'pre' would become 1.0.0-0 which is the wrong direction.
          case "pre": {
            const base = Number(identifierBase) ? 1 : 0;
            if (this.prerelease.length === 0) {
              this.prerelease = [base];
            } else {
              let i = this.prerelease.length;
              while (--i >= 0) {
                if (typeof this.prerelease[i] === "number") {
                  this.prerelease[i]++;
                  i = -2;
                }
              }
              if (i === -1) {
                if (identifier === this.prerelease.join(".") && identifierBase === false) {
                  throw new Error("invalid increment argument: identifier already exists");
                }
                this.prerelease.push(base);
              }
            }
            if (identifier) {
              let prerelease = [identifier, base];
              if (identifierBase === false) {
                prerelease = [identifier];
              }
              if (isPrereleaseIdentifier(this.prerelease, identifier)) {
                const prereleaseBase = this.prerelease[identifier.split(".").length];
                if (isNaN(prereleaseBase)) {
                  this.prerelease = prerelease;
                }
              } else {
                this.prerelease = prerelease;
              }
            }
            break;
          }
          default:
            throw new Error(`invalid increment argument: ${release}`);
        }
        this.raw = this.format();
        if (this.build.length) {
          this.raw += `+${this.build.join(".")}`;
        }
        return this;
      }
    };
    module.exports = SemVer;
  }
});

// node_modules/semver/functions/compare.js
var require_compare = __commonJS({
  "node_modules/semver/functions/compare.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var compare = (a, b, loose) => new SemVer(a, loose).compare(new SemVer(b, loose));
    module.exports = compare;
  }
});

// node_modules/semver/functions/parse.js
var require_parse = __commonJS({
  "node_modules/semver/functions/parse.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var parse = (version, options, throwErrors = false) => {
      if (version instanceof SemVer) {
        return version;
      }
      try {
        return new SemVer(version, options);
      } catch (er) {
        if (!throwErrors) {
          return null;
        }
        throw er;
      }
    };
    module.exports = parse;
  }
});

// node_modules/semver/functions/valid.js
var require_valid = __commonJS({
  "node_modules/semver/functions/valid.js"(exports, module) {
    "use strict";
    var parse = require_parse();
    var valid = (version, options) => {
      const v = parse(version, options);
      return v ? v.version : null;
    };
    module.exports = valid;
  }
});

// src/core/freeze.ts
function deepFreeze(value) {
  const seen = /* @__PURE__ */ new WeakSet();
  const freeze = (node) => {
    if (typeof node !== "object" || node === null || seen.has(node)) return;
    seen.add(node);
    Object.freeze(node);
    if (Array.isArray(node)) {
      for (const item of node) freeze(item);
      return;
    }
    for (const key of Object.keys(node)) freeze(node[key]);
  };
  freeze(value);
  return value;
}

// src/analysis/compare.ts
function lcs(a, b, same) {
  const n = a.length;
  const m = b.length;
  const dp = Array.from({ length: n + 1 }, () => new Array(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      dp[i][j] = same(a[i], b[j]) ? dp[i + 1][j + 1] + 1 : Math.max(dp[i + 1][j], dp[i][j + 1]);
  const pairs = [];
  for (let i = 0, j = 0; i < n && j < m; ) {
    if (same(a[i], b[j])) {
      pairs.push([i, j]);
      i++;
      j++;
    } else if (dp[i + 1][j] >= dp[i][j + 1]) i++;
    else j++;
  }
  return pairs;
}
var tokens = (s) => new Set(s.split(/[\s&|;]+/).filter(Boolean));
function similarity(first, second) {
  if (first === second) return 1;
  const ta = tokens(first);
  const tb = tokens(second);
  let common = 0;
  for (const t of ta) if (tb.has(t)) common++;
  const union = ta.size + tb.size - common;
  return union === 0 ? 0 : common / union;
}
function alignGap(base, head) {
  const n = base.length;
  const m = head.length;
  if (n === 0 || m === 0) return [];
  const text = (l) => normalizeInstruction(l.createdBy);
  const score = (i, j) => {
    const a = base[i];
    const b = head[j];
    if (instructionKind(a.createdBy) !== instructionKind(b.createdBy)) return -1;
    const sizes = Math.max(a.size, b.size) === 0 ? 1 : Math.min(a.size, b.size) / Math.max(a.size, b.size);
    return 1 + similarity(text(a), text(b)) + 0.25 * sizes;
  };
  const dp = Array.from({ length: n + 1 }, () => new Array(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--) {
      const s = score(i, j);
      dp[i][j] = Math.max(dp[i + 1][j], dp[i][j + 1], s > 0 ? s + dp[i + 1][j + 1] : -Infinity);
    }
  const pairs = [];
  for (let i = 0, j = 0; i < n && j < m; ) {
    const s = score(i, j);
    if (s > 0 && dp[i][j] === s + dp[i + 1][j + 1]) {
      pairs.push([i, j]);
      i++;
      j++;
    } else if (dp[i][j] === dp[i + 1][j]) i++;
    else j++;
  }
  return pairs;
}
var row = (status, base, head) => ({
  status,
  base: base?.index ?? null,
  head: head?.index ?? null,
  createdBy: normalizeInstruction((head ?? base)?.createdBy ?? ""),
  baseSize: base?.size ?? null,
  headSize: head?.size ?? null,
  delta: (head?.size ?? 0) - (base?.size ?? 0)
});
function alignLayers(base, head) {
  const b = base.filter((l) => !l.empty);
  const h = head.filter((l) => !l.empty);
  const anchors = lcs(b, h, (x, y) => x.diffId !== null && x.diffId === y.diffId);
  const rows = [];
  let bi = 0;
  let hi = 0;
  const fillGap = (bEnd, hEnd) => {
    const gb = b.slice(bi, bEnd);
    const gh = h.slice(hi, hEnd);
    let i = 0;
    let j = 0;
    for (const [pi, pj] of alignGap(gb, gh)) {
      for (; i < pi; i++) rows.push(row("removed", gb[i], null));
      for (; j < pj; j++) rows.push(row("added", null, gh[j]));
      rows.push(row("changed", gb[i++], gh[j++]));
    }
    for (; i < gb.length; i++) rows.push(row("removed", gb[i], null));
    for (; j < gh.length; j++) rows.push(row("added", null, gh[j]));
  };
  for (const [ai, aj] of anchors) {
    fillGap(ai, aj);
    rows.push(row("same", b[ai], h[aj]));
    bi = ai + 1;
    hi = aj + 1;
  }
  fillGap(b.length, h.length);
  return rows;
}
var nonEmpty = (image) => image.layers.filter((l) => !l.empty).length;
function compareImages(base, head) {
  const size = head.size - base.size;
  const delta = {
    size,
    percent: base.size === 0 ? null : Math.round(size / base.size * 1e4) / 100,
    layers: nonEmpty(head) - nonEmpty(base),
    wastedBytes: base.files && head.files ? head.files.wastedBytes - base.files.wastedBytes : null
  };
  return { rows: alignLayers(base.layers, head.layers), delta };
}

// src/analysis/budgets.ts
function checkBudgets(head, delta, limits) {
  const budgets = [];
  const unchecked = [];
  const atMost = (name, limit, actual, unit = "bytes") => budgets.push({ name, limit, actual, passed: actual <= limit, unit });
  if (limits.maxSize !== void 0) atMost("max-size", limits.maxSize, head.size);
  if (limits.maxIncrease !== void 0) {
    const inc = limits.maxIncrease;
    if (!delta) unchecked.push("max-increase: there is no base image to compare with");
    else if ("bytes" in inc) atMost("max-increase", inc.bytes, delta.size);
    else if (delta.percent === null)
      unchecked.push("max-increase: the base image is empty, so a percentage means nothing");
    else atMost("max-increase", inc.percent, delta.percent, "percent");
  }
  if (limits.maxWasted !== void 0) {
    if (head.files) atMost("max-wasted", limits.maxWasted, head.files.wastedBytes);
    else unchecked.push("max-wasted: files were not analyzed (--no-files)");
  }
  if (limits.minEfficiency !== void 0) {
    if (head.files) {
      const actual = head.files.efficiency;
      budgets.push({
        name: "min-efficiency",
        limit: limits.minEfficiency,
        actual,
        passed: actual >= limits.minEfficiency,
        unit: "ratio"
      });
    } else unchecked.push("min-efficiency: files were not analyzed (--no-files)");
  }
  if (limits.maxLayers !== void 0)
    atMost("max-layers", limits.maxLayers, nonEmpty(head), "layers");
  return { budgets, unchecked };
}

// src/analysis/costs.ts
var DEFAULT_PULL_BANDWIDTH = 1e8;
function pullSeconds(bytes, bitsPerSecond) {
  return bytes * 8 / bitsPerSecond;
}
function pullOf(c, bandwidth) {
  if (!c) return null;
  const compression = c.gzip !== null ? "gzip" : c.zstd !== null ? "zstd" : null;
  if (!compression) return null;
  const bytes = compression === "gzip" ? c.gzip : c.zstd;
  return { bytes, seconds: pullSeconds(bytes, bandwidth), compression, source: c.source };
}
function pullAfterBase(head, base, compression) {
  const layers = head.compressed?.layers;
  if (!layers || layers.length === 0) return null;
  const have = new Set(base.layers.flatMap((l) => l.diffId ? [l.diffId] : []));
  for (const l of base.compressed?.layers ?? []) have.add(l.diffId);
  let bytes = 0;
  const counted = /* @__PURE__ */ new Set();
  for (const l of layers) {
    if (have.has(l.diffId) || counted.has(l.diffId)) continue;
    counted.add(l.diffId);
    const size = compression === "gzip" ? l.gzip : l.zstd;
    if (size === null) return null;
    bytes += size;
  }
  return bytes;
}
var CACHE_WORDS = {
  all: "entirely from the cache",
  partial: "partly from the cache",
  none: "without the cache",
  unknown: "with unknown cache use"
};
function buildNote(base, head, why) {
  if (!base && !head) return why ?? "not built by this run: no build time";
  if (!base) return why ?? "the base image was not built by this run: no build time to compare";
  if (!head) return why ?? "the head image was not built by this run: no build time to compare";
  const cached = ["base", "head"].filter((side) => {
    const b = side === "base" ? base : head;
    return b.cache === "all" || b.cache === "partial";
  });
  if (cached.length === 0) return null;
  const which = cached.map((side) => `the ${side} build ran ${CACHE_WORDS[(side === "base" ? base : head).cache]}`).join(" and ");
  return `${which}: its time is not a build time, so no change is shown (build-time: fresh builds both without the cache)`;
}
function startupNote(base, head) {
  if (!base && !head) return "no startup-probe was given";
  const failed = [
    ...base && base.medianSeconds === null ? [`base: ${base.note ?? "not ready"}`] : [],
    ...head && head.medianSeconds === null ? [`head: ${head.note ?? "not ready"}`] : []
  ];
  if (failed.length) return failed.join("; ");
  if (!base) return "no base image to start";
  const partial = [
    ...base.note ? [`base: ${base.note}`] : [],
    ...head?.note ? [`head: ${head.note}`] : []
  ];
  return partial.length ? partial.join("; ") : null;
}
function buildCosts(input) {
  const bw = input.pullBandwidth;
  const headBuild = input.builds?.head ?? null;
  const baseBuild = input.builds?.base ?? null;
  const headStart = input.startup?.head ?? null;
  const baseStart = input.startup?.base ?? null;
  const head = {
    size: input.head.size,
    build: headBuild,
    pull: pullOf(input.head.compressed, bw),
    startup: headStart
  };
  const base = input.base ? {
    size: input.base.size,
    build: baseBuild,
    pull: pullOf(input.base.compressed, bw),
    startup: baseStart
  } : null;
  let after = null;
  if (input.base && head.pull) {
    const bytes = pullAfterBase(input.head, input.base, head.pull.compression);
    if (bytes !== null) after = { bytes, seconds: pullSeconds(bytes, bw) };
  }
  const pullNotes = [];
  if (!head.pull)
    pullNotes.push(`head: ${input.pullWhy?.head ?? "compressed size not known (layers not read)"}`);
  if (input.base && !base?.pull)
    pullNotes.push(`base: ${input.pullWhy?.base ?? "compressed size not known (layers not read)"}`);
  if (base?.pull && head.pull && base.pull.compression !== head.pull.compression)
    pullNotes.push(`base is ${base.pull.compression}, head is ${head.pull.compression}: not comparable`);
  pullNotes.push(...input.pullNotes ?? []);
  return {
    pullBandwidth: bw,
    base,
    head,
    headPullAfterBase: after,
    notes: {
      build: input.base || headBuild ? buildNote(baseBuild, headBuild, input.buildWhy ?? null) : null,
      pull: pullNotes.length ? pullNotes.join("; ") : null,
      startup: startupNote(input.base ? baseStart : null, headStart)
    }
  };
}

// src/analysis/file-diff.ts
var DEFAULT_DIFF_LIMITS = {
  directories: 20,
  files: 20,
  largest: 20,
  filesPerDirectory: 5
};
var FAN_OUT = 0.5;
var total = () => ({ files: 0, bytes: 0 });
var churnOf = (f) => f.added.bytes + f.removed.bytes + f.grown.bytes + f.shrunk.bytes;
var byDelta = (a, b) => Math.abs(b.delta) - Math.abs(a.delta) || comparePaths(a.path, b.path);
var byHeadSize = (a, b) => (b.headSize ?? 0) - (a.headSize ?? 0) || comparePaths(a.path, b.path);
function keepTop(list, item, limit, order) {
  if (limit <= 0) return;
  if (list.length === limit && order(item, list[limit - 1]) >= 0) return;
  let i = list.length;
  list.push(item);
  while (i > 0 && order(item, list[i - 1]) < 0) {
    list[i] = list[i - 1];
    i--;
  }
  list[i] = item;
  if (list.length > limit) list.pop();
}
function addTotal(into, from) {
  into.files += from.files;
  into.bytes += from.bytes;
}
function diffFilesystems(base, head, limits = DEFAULT_DIFF_LIMITS, packages) {
  const owning = ownership(base, head, packages);
  const baseDiffIds = new Set(base.diffIds.filter((d) => d !== null));
  const layerChanged = (layer) => {
    const diffId = head.diffIds[layer];
    return diffId === null || diffId === void 0 || !baseDiffIds.has(diffId);
  };
  const files = [];
  const largest = [];
  const fanOuts = [];
  let units = [];
  const newFrame = (path) => ({
    path,
    added: total(),
    removed: total(),
    grown: total(),
    shrunk: total(),
    baseFiles: 0,
    headFiles: 0,
    maxChild: 0,
    maxChildUnit: null,
    units: [],
    largest: [],
    owned: owning ? /* @__PURE__ */ new Map() : null
  });
  const directoryChange = (frame, wholly) => ({
    path: `/${frame.path}`,
    wholly,
    net: frame.added.bytes + frame.grown.bytes - frame.removed.bytes - frame.shrunk.bytes,
    added: frame.added,
    removed: frame.removed,
    grown: frame.grown,
    shrunk: frame.shrunk,
    largest: frame.largest,
    ...owning ? { owner: owning.ownerOf(frame.owned, churnOf(frame)) } : {}
  });
  const root = newFrame("");
  const stack = [root];
  const close = () => {
    const frame = stack.pop();
    const parent = stack[stack.length - 1];
    const churn = churnOf(frame);
    const whole = frame.baseFiles === 0 && frame.headFiles > 0 ? "added" : frame.headFiles === 0 && frame.baseFiles > 0 ? "removed" : null;
    let unit = null;
    if (whole && churn > 0) {
      unit = frame.maxChild === churn && frame.maxChildUnit ? frame.maxChildUnit : { path: frame.path, churn, change: directoryChange(frame, whole) };
    } else {
      if (!parent) units.push(...frame.units);
      else parent.units.push(...frame.units);
      if (churn > 0 && frame.maxChild < FAN_OUT * churn) {
        fanOuts.push({ path: frame.path, churn, change: directoryChange(frame, null) });
      }
    }
    if (!parent) {
      if (unit) units = [unit];
      return;
    }
    if (unit) parent.units.push(unit);
    addTotal(parent.added, frame.added);
    addTotal(parent.removed, frame.removed);
    addTotal(parent.grown, frame.grown);
    addTotal(parent.shrunk, frame.shrunk);
    parent.baseFiles += frame.baseFiles;
    parent.headFiles += frame.headFiles;
    if (frame.owned && parent.owned) {
      for (const [key, bytes] of frame.owned) parent.owned.set(key, (parent.owned.get(key) ?? 0) + bytes);
    }
    if (churn > parent.maxChild) {
      parent.maxChild = churn;
      parent.maxChildUnit = unit;
    }
    for (const f of frame.largest) keepTop(parent.largest, f, limits.filesPerDirectory, byDelta);
  };
  const enter = (path) => {
    const slash = path.lastIndexOf("/");
    const current = stack[stack.length - 1];
    if (slash < 0 ? current.path === "" : current.path.length === slash && path.startsWith(current.path)) {
      return current;
    }
    const dir = slash < 0 ? "" : path.slice(0, slash);
    for (; ; ) {
      const top = stack[stack.length - 1];
      if (top.path === dir) return top;
      if (top.path === "" || dir.startsWith(top.path) && dir.charCodeAt(top.path.length) === 47) {
        let from = top.path === "" ? 0 : top.path.length + 1;
        for (; ; ) {
          const end = dir.indexOf("/", from);
          const next = end < 0 ? dir : dir.slice(0, end);
          stack.push(newFrame(next));
          if (end < 0) return stack[stack.length - 1];
          from = end + 1;
        }
      }
      close();
    }
  };
  const record = (path, baseSize, headSize, layer, baseAt, headAt) => {
    const delta = (headSize ?? 0) - (baseSize ?? 0);
    const changedLayer = layer !== null && layerChanged(layer);
    let kind;
    if (baseSize === null) kind = "added";
    else if (headSize === null) kind = "removed";
    else if (delta > 0) kind = "grown";
    else if (delta < 0) kind = "shrunk";
    else kind = "same-size";
    const frame = enter(path);
    if (baseSize !== null) frame.baseFiles++;
    if (headSize !== null) frame.headFiles++;
    if (kind === "same-size" && !changedLayer) return;
    const change = {
      path: `/${path}`,
      change: kind,
      baseSize,
      headSize,
      delta,
      layer,
      layerChanged: changedLayer
    };
    if (headSize !== null && (kind === "added" || kind === "grown" || changedLayer)) {
      keepTop(largest, change, limits.largest, byHeadSize);
    }
    if (kind === "same-size") return;
    const bytes = Math.abs(delta);
    const t = kind === "added" ? frame.added : kind === "removed" ? frame.removed : kind === "grown" ? frame.grown : frame.shrunk;
    t.files++;
    t.bytes += bytes;
    if (owning && bytes > 0) {
      const key = kind === "added" || kind === "grown" ? owning.head[headAt] : owning.base[baseAt];
      if (key !== void 0) frame.owned.set(key, (frame.owned.get(key) ?? 0) + bytes);
    }
    keepTop(frame.largest, change, limits.filesPerDirectory, byDelta);
    keepTop(files, change, limits.files, byDelta);
  };
  let i = 0;
  let j = 0;
  while (i < base.paths.length || j < head.paths.length) {
    const b = base.paths[i];
    const h = head.paths[j];
    const order = b === void 0 ? 1 : h === void 0 ? -1 : comparePaths(b, h);
    if (order < 0) {
      record(b, base.sizes[i], null, null, i, -1);
      i++;
    } else if (order > 0) {
      record(h, null, head.sizes[j], head.layers[j], -1, j);
      j++;
    } else {
      record(h, base.sizes[i], head.sizes[j], head.layers[j], i, j);
      i++;
      j++;
    }
  }
  while (stack.length > 0) close();
  const inUnit = (path) => units.some((u) => u.path === "" || path === u.path || path.startsWith(`${u.path}/`));
  const candidates = [...units, ...fanOuts.filter((c) => !inUnit(c.path))];
  candidates.sort((x, y) => y.churn - x.churn || comparePaths(x.path, y.path));
  const inner = candidates.filter((c) => c.path !== "");
  const directories = (inner.length > 0 ? inner : candidates).slice(0, Math.max(0, limits.directories)).map((c) => c.change);
  const sideTotal = (index) => {
    let bytes = 0;
    for (const size of index.sizes) bytes += size;
    return { files: index.paths.length, bytes };
  };
  const baseTotal = sideTotal(base);
  const headTotal = sideTotal(head);
  return {
    added: { ...root.added },
    removed: { ...root.removed },
    grown: { ...root.grown },
    shrunk: { ...root.shrunk },
    net: headTotal.bytes - baseTotal.bytes,
    base: baseTotal,
    head: headTotal,
    directories,
    files,
    largest,
    limits: { ...limits }
  };
}
var ownerKey = (p) => `${p.ecosystem}\0${p.name}`;
function ownership(base, head, packages) {
  if (!packages?.base || !packages.head || !base.owners || !head.owners) return null;
  const names = /* @__PURE__ */ new Map();
  const keysOf = (index, list) => {
    const keys = list.map((p) => {
      const key = ownerKey(p);
      names.set(key, { ecosystem: p.ecosystem, name: p.name });
      return key;
    });
    return index.owners.map((o) => o >= 0 ? keys[o] : void 0);
  };
  return {
    base: keysOf(base, packages.base),
    head: keysOf(head, packages.head),
    /** The package owning more than half of `churn`, with the bytes of it that it owns; null when none does. */
    ownerOf(owned, churn) {
      let best = null;
      let most = 0;
      for (const [key, bytes] of owned) {
        if (bytes > most || bytes === most && best !== null && key < best) {
          best = key;
          most = bytes;
        }
      }
      if (best === null || most * 2 <= churn) return null;
      return { ...names.get(best), bytes: most };
    }
  };
}

// src/analysis/package-version.ts
var import_operator = __toESM(require_operator(), 1);
var import_version = __toESM(require_version(), 1);
var import_compare2 = __toESM(require_compare(), 1);
var import_valid = __toESM(require_valid(), 1);
function compareVersions(ecosystem, a, b) {
  if (a === b) return 0;
  switch (ecosystem) {
    case "deb":
      return compareDpkg(a, b);
    case "apk":
      return compareApk(a, b);
    case "rpm":
      return compareRpm(a, b);
    case "python":
      return comparePep440(a, b);
    case "npm":
      return compareSemver(a, b);
    case "gem":
      return compareGem(a, b);
  }
}
var sign = (n) => n < 0 ? -1 : n > 0 ? 1 : 0;
var isDigit = (c) => c >= 48 && c <= 57;
var isAlpha = (c) => c >= 65 && c <= 90 || c >= 97 && c <= 122;
var byString = (a, b) => a < b ? -1 : a > b ? 1 : 0;
function compareDpkg(a, b) {
  const x = splitDpkg(a);
  const y = splitDpkg(b);
  if (x.epoch !== y.epoch) return x.epoch < y.epoch ? -1 : 1;
  return sign(dpkgPart(x.upstream, y.upstream)) || sign(dpkgPart(x.revision, y.revision));
}
function splitEvr(evr) {
  let v = evr;
  let epoch = 0;
  const colon = v.indexOf(":");
  if (colon > 0 && /^[0-9]+$/.test(v.slice(0, colon))) {
    epoch = Number(v.slice(0, colon));
    v = v.slice(colon + 1);
  }
  const dash = v.lastIndexOf("-");
  return dash >= 0 ? { epoch, version: v.slice(0, dash), release: v.slice(dash + 1) } : { epoch, version: v, release: null };
}
function splitDpkg(text) {
  const { epoch, version, release } = splitEvr(text.trim());
  return { epoch, upstream: version, revision: release ?? "" };
}
function dpkgOrder(s, i) {
  if (i >= s.length) return 0;
  const c = s.charCodeAt(i);
  if (isDigit(c)) return 0;
  if (isAlpha(c)) return c;
  if (c === 126) return -1;
  return c + 256;
}
function dpkgPart(a, b) {
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    while (i < a.length && !isDigit(a.charCodeAt(i)) || j < b.length && !isDigit(b.charCodeAt(j))) {
      const x = dpkgOrder(a, i);
      const y = dpkgOrder(b, j);
      if (x !== y) return x - y;
      i++;
      j++;
    }
    while (a.charCodeAt(i) === 48) i++;
    while (b.charCodeAt(j) === 48) j++;
    let firstDiff = 0;
    while (i < a.length && j < b.length && isDigit(a.charCodeAt(i)) && isDigit(b.charCodeAt(j))) {
      if (!firstDiff) firstDiff = a.charCodeAt(i) - b.charCodeAt(j);
      i++;
      j++;
    }
    if (i < a.length && isDigit(a.charCodeAt(i))) return 1;
    if (j < b.length && isDigit(b.charCodeAt(j))) return -1;
    if (firstDiff) return firstDiff;
  }
  return 0;
}
var APK_SUFFIX = {
  alpha: 1,
  beta: 2,
  pre: 3,
  rc: 4,
  cvs: 6,
  svn: 7,
  git: 8,
  hg: 9,
  p: 10
};
var APK_NO_SUFFIX = 5;
function compareApk(a, b) {
  const x = apkTokens(a);
  const y = apkTokens(b);
  let k = 0;
  for (; ; k++) {
    const s2 = x[k];
    const t2 = y[k];
    if (s2.kind !== t2.kind || s2.kind >= 7 /* End */) break;
    const r = apkTokenOrder(s2, t2);
    if (r !== 0) return r;
  }
  const s = x[k];
  const t = y[k];
  if (s.kind === t.kind) return 0;
  if (s.kind === 3 /* Suffix */ && s.suffix < APK_NO_SUFFIX) return -1;
  if (t.kind === 3 /* Suffix */ && t.suffix < APK_NO_SUFFIX) return 1;
  return s.kind > t.kind ? -1 : 1;
}
function apkTokenOrder(s, t) {
  switch (s.kind) {
    case 1 /* Digit */:
      if (s.text.startsWith("0") || t.text.startsWith("0")) return byString(s.text, t.text);
      return digitsOrder(s.text, t.text);
    case 0 /* InitialDigit */:
    case 4 /* SuffixNumber */:
    case 6 /* Revision */:
      return digitsOrder(s.text, t.text);
    case 2 /* Letter */:
      return byString(s.text, t.text);
    case 3 /* Suffix */:
      return sign(s.suffix - t.suffix);
    default:
      return byString(s.text, t.text);
  }
}
function digitsOrder(a, b) {
  const x = a.replace(/^0+/, "");
  const y = b.replace(/^0+/, "");
  return x.length !== y.length ? sign(x.length - y.length) : byString(x, y);
}
function apkTokens(v) {
  const out = [];
  let i = 0;
  const digits = () => {
    const start = i;
    while (i < v.length && isDigit(v.charCodeAt(i))) i++;
    return v.slice(start, i);
  };
  const push = (kind, text = "", suffix = 0) => {
    out.push({
      kind: text === "" && kind < 7 /* End */ && kind !== 3 /* Suffix */ ? 8 /* Invalid */ : kind,
      text,
      suffix
    });
  };
  push(0 /* InitialDigit */, digits());
  while (out[out.length - 1].kind < 7 /* End */) {
    const prev = out[out.length - 1].kind;
    if (i >= v.length) {
      push(7 /* End */);
      break;
    }
    const c = v.charCodeAt(i);
    if (c >= 97 && c <= 122) {
      if (prev > 1 /* Digit */) push(8 /* Invalid */);
      else push(2 /* Letter */, v[i++]);
    } else if (c === 46 || isDigit(c)) {
      if (c === 46) {
        if (prev > 1 /* Digit */) {
          push(8 /* Invalid */);
          continue;
        }
        i++;
      }
      if (prev === 0 /* InitialDigit */ || prev === 1 /* Digit */) push(1 /* Digit */, digits());
      else if (prev === 3 /* Suffix */) push(4 /* SuffixNumber */, digits());
      else push(8 /* Invalid */);
    } else if (c === 95) {
      if (prev > 4 /* SuffixNumber */) {
        push(8 /* Invalid */);
        continue;
      }
      i++;
      const start = i;
      while (i < v.length && v.charCodeAt(i) >= 97 && v.charCodeAt(i) <= 122) i++;
      const word = v.slice(start, i);
      const rank = Object.hasOwn(APK_SUFFIX, word) ? APK_SUFFIX[word] : 0;
      if (rank === 0) push(8 /* Invalid */);
      else push(3 /* Suffix */, word, rank);
    } else if (c === 126) {
      if (prev >= 5 /* CommitHash */) {
        push(8 /* Invalid */);
        continue;
      }
      i++;
      const start = i;
      while (i < v.length && /[0-9a-fA-F]/.test(v[i])) i++;
      push(5 /* CommitHash */, v.slice(start, i));
    } else if (c === 45) {
      if (prev >= 6 /* Revision */ || v[i + 1] !== "r") {
        push(8 /* Invalid */);
        continue;
      }
      i += 2;
      push(6 /* Revision */, digits());
    } else {
      push(8 /* Invalid */);
    }
  }
  return out;
}
function compareRpm(a, b) {
  const x = splitEvr(a);
  const y = splitEvr(b);
  if (x.epoch !== y.epoch) return x.epoch < y.epoch ? -1 : 1;
  const v = rpmvercmp(x.version, y.version);
  if (v !== 0 || x.release === null || y.release === null) return v;
  return rpmvercmp(x.release, y.release);
}
function rpmvercmp(a, b) {
  if (a === b) return 0;
  let i = 0;
  let j = 0;
  const alnum = (c) => isDigit(c) || isAlpha(c);
  while (i < a.length || j < b.length) {
    while (i < a.length && !alnum(a.charCodeAt(i)) && a[i] !== "~" && a[i] !== "^") i++;
    while (j < b.length && !alnum(b.charCodeAt(j)) && b[j] !== "~" && b[j] !== "^") j++;
    if (a[i] === "~" || b[j] === "~") {
      if (a[i] !== "~") return 1;
      if (b[j] !== "~") return -1;
      i++;
      j++;
      continue;
    }
    if (a[i] === "^" || b[j] === "^") {
      if (i >= a.length) return -1;
      if (j >= b.length) return 1;
      if (a[i] !== "^") return 1;
      if (b[j] !== "^") return -1;
      i++;
      j++;
      continue;
    }
    if (i >= a.length || j >= b.length) break;
    const numeric = isDigit(a.charCodeAt(i));
    const kind = numeric ? isDigit : isAlpha;
    let ei = i;
    let ej = j;
    while (ei < a.length && kind(a.charCodeAt(ei))) ei++;
    while (ej < b.length && kind(b.charCodeAt(ej))) ej++;
    if (ej === j) return numeric ? 1 : -1;
    const x = a.slice(i, ei);
    const y = b.slice(j, ej);
    const r = numeric ? digitsOrder(x, y) : byString(x, y);
    if (r !== 0) return r;
    i = ei;
    j = ej;
  }
  if (i >= a.length && j >= b.length) return 0;
  return i >= a.length ? -1 : 1;
}
function comparePep440(a, b) {
  if ((0, import_version.valid)(a) && (0, import_version.valid)(b)) return sign((0, import_operator.compare)(a, b));
  return sign(dpkgPart(a, b));
}
function compareSemver(a, b) {
  if ((0, import_valid.default)(a, { loose: true }) && (0, import_valid.default)(b, { loose: true }))
    return (0, import_compare2.default)(a, b, { loose: true });
  return sign(dpkgPart(a, b));
}
function compareGem(a, b) {
  const x = gemSegments(a);
  const y = gemSegments(b);
  const n = Math.max(x.length, y.length);
  for (let k = 0; k < n; k++) {
    const s = x[k] ?? 0;
    const t = y[k] ?? 0;
    if (s === t) continue;
    if (typeof s === "string" && typeof t === "number") return -1;
    if (typeof s === "number" && typeof t === "string") return 1;
    return s < t ? -1 : 1;
  }
  return 0;
}
function gemSegments(v) {
  const all = (v.match(/[0-9]+|[a-z]+/gi) ?? []).map((s) => /^[0-9]/.test(s) ? Number(s) : s);
  const firstString = all.findIndex((s) => typeof s === "string");
  const parts = firstString < 0 ? [all] : [all.slice(0, firstString), all.slice(firstString)];
  return parts.flatMap((p) => {
    let end = p.length;
    while (end > 0 && p[end - 1] === 0) end--;
    return p.slice(0, end);
  });
}

// src/analysis/package-diff.ts
function packageKey(pkg) {
  const name = pkg.ecosystem === "python" ? pkg.name.toLowerCase().replace(/[-_.]+/g, "-") : pkg.name;
  return `${pkg.ecosystem}\0${name}\0${installKey(pkg.ecosystem, pkg.location)}`;
}
function installKey(ecosystem, location) {
  const parent = (path) => path.slice(0, Math.max(0, path.lastIndexOf("/")));
  if (ecosystem === "python") {
    const segments = location.split("/");
    const meta = segments.findLastIndex((s) => /\.(dist|egg)-info$/i.test(s));
    return meta >= 0 ? segments.slice(0, meta).join("/") : parent(location);
  }
  if (ecosystem === "gem") return parent(location);
  return location;
}
function diffPackages(base, head) {
  const groups = /* @__PURE__ */ new Map();
  const group = (p) => {
    const key = packageKey(p);
    let g = groups.get(key);
    if (!g) {
      g = { base: [], head: [] };
      groups.set(key, g);
    }
    return g;
  };
  for (const p of base) group(p).base.push(p);
  for (const p of head) group(p).head.push(p);
  const changes = [];
  for (const g of groups.values()) {
    for (const [b, h] of pair(g.base, g.head)) {
      const change = changeOf(b, h);
      if (change) changes.push(change);
    }
  }
  changes.sort(
    (x, y) => Math.abs(y.delta) - Math.abs(x.delta) || byString2(x.name, y.name) || byString2(x.ecosystem, y.ecosystem) || byString2(x.location, y.location) || byString2(x.change, y.change)
  );
  const count = (kind) => changes.filter((c) => c.change === kind).length;
  return {
    added: count("added"),
    removed: count("removed"),
    upgraded: count("upgraded"),
    downgraded: count("downgraded"),
    changed: count("changed"),
    net: changes.reduce((n, c) => n + c.delta, 0),
    changes
  };
}
var byString2 = (a, b) => a < b ? -1 : a > b ? 1 : 0;
function pair(base, head) {
  if (base.length <= 1 && head.length <= 1) return [[base[0] ?? null, head[0] ?? null]];
  const out = [];
  const restHead = [...head];
  const restBase = [];
  for (const b of base) {
    const i = restHead.findIndex((h) => h.version === b.version);
    if (i >= 0) out.push([b, restHead.splice(i, 1)[0]]);
    else restBase.push(b);
  }
  const ecosystem = (base[0] ?? head[0]).ecosystem;
  const order = (x, y) => compareVersions(ecosystem, x.version, y.version);
  restBase.sort(order);
  restHead.sort(order);
  for (let i = 0; i < Math.max(restBase.length, restHead.length); i++) {
    out.push([restBase[i] ?? null, restHead[i] ?? null]);
  }
  return out;
}
function changeOf(b, h) {
  const p = h ?? b;
  let change;
  if (!b) change = "added";
  else if (!h) change = "removed";
  else {
    const order = compareVersions(p.ecosystem, b.version, h.version);
    if (order < 0) change = "upgraded";
    else if (order > 0) change = "downgraded";
    else if (b.bytes !== h.bytes) change = "changed";
    else return null;
  }
  return {
    ecosystem: p.ecosystem,
    name: p.name,
    change,
    baseVersion: b?.version ?? null,
    headVersion: h?.version ?? null,
    baseBytes: b?.bytes ?? null,
    headBytes: h?.bytes ?? null,
    delta: (h?.bytes ?? 0) - (b?.bytes ?? 0),
    location: p.location
  };
}

// src/analysis/report.ts
function buildReport(input) {
  const { head, base } = input;
  const comparison = head && base ? compareImages(base, head) : null;
  const { budgets, unchecked } = head ? checkBudgets(head, comparison?.delta ?? null, input.limits ?? {}) : { budgets: [], unchecked: [] };
  const indexes = input.fileIndexes;
  const diff = head && base && indexes?.base && indexes.head ? diffFilesystems(indexes.base, indexes.head, DEFAULT_DIFF_LIMITS, {
    base: base.packages,
    head: head.packages
  }) : void 0;
  const packages = head?.packages && base?.packages ? diffPackages(base.packages, head.packages) : void 0;
  const costs = head && input.costs ? buildCosts({ ...input.costs, head, base }) : void 0;
  const findings = input.findings;
  const passed = decidePassed(findings, budgets, input.failOn);
  const report = {
    schemaVersion: 1,
    tool: { name: TOOL_NAME, version: VERSION },
    head,
    base,
    baseUnavailable: input.baseUnavailable ?? null,
    delta: comparison?.delta ?? null,
    layers: comparison?.rows ?? [],
    findings,
    budgets,
    passed,
    ...input.judged !== void 0 ? { judged: input.judged } : {},
    ...diff ? { diff } : {},
    ...packages ? { packages } : {},
    ...costs ? { costs } : {},
    ...input.cacheProbe ? { cacheProbe: input.cacheProbe } : {},
    ...input.policy ? { policy: input.policy } : {}
  };
  return deepFreeze({
    report,
    unchecked,
    explore: { head: input.explore?.head ?? null, base: base ? input.explore?.base ?? null : null },
    labels: { ...input.labels }
  });
}

export {
  DEFAULT_PULL_BANDWIDTH,
  buildReport
};
