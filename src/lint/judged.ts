// Which stage a lint judged as the image that ships: the shape and its words live in the core, where every
// report's renderer reads them.
export { describeJudged, type JudgedImage } from '../core/judged.js';
