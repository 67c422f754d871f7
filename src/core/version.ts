import pkg from '../../package.json' with { type: 'json' };

export const TOOL_NAME = 'image-guard';
export const VERSION: string = pkg.version;
