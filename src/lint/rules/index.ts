// The registry: every rule the engine runs, in id order. A rule missing here never fires (its tests fail).
import type { Rule } from '../rule.js';
import { IG000 } from './IG000-syntax.js';
import { IG001 } from './IG001-multi-stage.js';
import { IG002 } from './IG002-slim-base.js';
import { IG003 } from './IG003-alpine-python.js';
import { IG004 } from './IG004-pip-cache.js';
import { IG005 } from './IG005-os-package-cache.js';
import { IG006 } from './IG006-update-alone.js';
import { IG007 } from './IG007-merge-runs.js';
import { IG008 } from './IG008-dockerignore.js';
import { IG009 } from './IG009-cache-order.js';
import { IG010 } from './IG010-non-root.js';
import { IG011 } from './IG011-build-tools-in-final.js';
import { IG012 } from './IG012-copy-all-final.js';
import { IG013 } from './IG013-dev-deps.js';
import { IG014 } from './IG014-unpinned-base.js';
import { IG015 } from './IG015-lockfile.js';
import { IG016 } from './IG016-python-env.js';
import { IG017 } from './IG017-add-local.js';
import { IG018 } from './IG018-judged-stage.js';

export const RULES: readonly Rule[] = [
  IG000,
  IG001,
  IG002,
  IG003,
  IG004,
  IG005,
  IG006,
  IG007,
  IG008,
  IG009,
  IG010,
  IG011,
  IG012,
  IG013,
  IG014,
  IG015,
  IG016,
  IG017,
  IG018,
];
