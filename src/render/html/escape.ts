// Escaping for the HTML report. File names, layer instructions and image references are hostile input: each
// reaches the page either as escaped text in the markup or inside the page's JSON, which the page's script
// reads with JSON.parse and puts into the DOM as text only.

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text for an element's content or a quoted attribute value. */
export function html(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/**
 * JSON for a `<script type="application/json">` element: `<`, `>` and `&` written as `\u003c` and so on, so
 * that no `</script>` or `<!--` can end the element early, and U+2028/U+2029 escaped for old parsers. The
 * text parses back to the same value.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
