// What a fix sees and what it answers: the Dockerfile's source with its instructions located, and for each
// finding either the edits that fix it or why it is left to a person.
import type { Finding } from '../../core/report.js';
import type { ContextInfo } from '../context.js';
import type { Instruction, ParsedDockerfile } from '../parse.js';
import type { Segment } from '../segment.js';
import type { StageGraph } from '../stages.js';
import type { TextEdit } from './edits.js';
import type { SourceFile } from './source.js';

/** What is known of the build context, for the fixes that need it (IG008, IG015, IG017). */
export interface FixContext {
  /** The context as the engine would send it (the ignore file applied). */
  info: ContextInfo;
  /** The ignore file's text (null: none), and the path `--fix` writes when it adds entries. */
  ignoreText: string | null;
  ignorePath: string;
  /** The context as it would be with another ignore file text: to check that added entries do what they say. */
  withIgnore(text: string): ContextInfo;
  /** What a context path is, by its content: ADD unpacks a local tar archive whatever its name. */
  kindOf?(path: string): 'archive' | 'file' | 'dir' | 'missing';
}

export interface Located {
  instr: Instruction;
  seg: Segment;
}

export interface FixEnv {
  file: SourceFile;
  parsed: ParsedDockerfile;
  graph: StageGraph;
  /** The instruction that starts at a 1-based line. */
  at(line: number): Located | null;
  context: FixContext | null;
}

export interface Candidate {
  finding: Finding;
  edits: TextEdit[];
  /** The ignore file's new text (IG008). */
  ignoreText?: string;
  /** What changed, one line. */
  summary: string;
}

export interface Left {
  finding: Finding;
  /** Why it is left: "not mechanical: …" or "unsafe here: …". */
  reason: string;
  /** Its line in the fixed text (set by fixDockerfile). */
  line?: number | null;
}

export type Fixer = (finding: Finding, env: FixEnv) => Candidate | Left;

export const left = (finding: Finding, reason: string): Left => ({ finding, reason });
export const isLeft = (x: Candidate | Left): x is Left => 'reason' in x;
