/**
 * The renderer's Content-Security-Policy, the same in Electron and browser mode: nothing from the network, no eval.
 * `style-src 'unsafe-inline'` is needed by antd's CSS-in-JS; `blob:`/`data:` images by chart and map exports.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');
