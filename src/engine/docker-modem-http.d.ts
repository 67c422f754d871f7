// docker-modem's transport module (lib/http.js, untyped): the table of clients its modem sends through, by
// protocol. engine-modem.ts puts Node's own clients there.
declare module 'docker-modem/lib/http.js' {
  const transport: {
    http: typeof import('node:http');
    https: typeof import('node:https');
    maxRedirects: number;
  };
  export default transport;
}
