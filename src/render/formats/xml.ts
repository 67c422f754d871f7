// XML for the JUnit and checkstyle formats, written by fast-xml-builder (see docs/design.md), with the escaping
// untrusted text needs: the five markup characters, line ends and tabs as character references (an attribute's
// value would otherwise read them as spaces), and the characters XML 1.0 cannot carry at all (C0 controls
// other than tab and line ends, lone surrogates, U+FFFE and U+FFFF) written as `\uXXXX`, visibly.
import XMLBuilder from 'fast-xml-builder';

/** Characters no XML 1.0 document may contain, even as a character reference. */
const NOT_XML =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters it replaces
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlSafe(text: string): string {
  return text.replace(NOT_XML, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}

/** Text or an attribute's value, escaped: markup characters, line ends and tabs as references, then xmlSafe. */
export function escapeXml(text: string): string {
  return xmlSafe(text).replace(/[&<>"'\r\n\t]/g, (c) => ESCAPE[c]!);
}
const ESCAPE: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\r': '&#13;',
  '\n': '&#10;',
  '\t': '&#9;',
};
const escapeValue = (_name: string, value: unknown): unknown =>
  typeof value === 'string' ? escapeXml(value) : value;

// The builder writes the structure; the escaping is ours (its own leaves line ends and tabs in attributes).
const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  format: true,
  indentBy: '  ',
  suppressEmptyNode: true,
  processEntities: false,
  tagValueProcessor: escapeValue,
  attributeValueProcessor: escapeValue,
});

/** A document element as fast-xml-builder takes it: `@name` keys are attributes, `#text` the text. */
export type XmlNode = { [key: string]: string | number | XmlNode | XmlNode[] };

export function buildXml(root: XmlNode): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build(root)}`;
}
