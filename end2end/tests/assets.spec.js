// The WebAssembly, JS and CSS go out compressed at build time (`./x` writes `.br` and `.gz`
// beside them), never compressed again per request.
import { test, expect } from '@playwright/test';

for (const [path, type] of [['/pkg/thidua.wasm', 'application/wasm'], ['/pkg/thidua.js', 'javascript'],
  ['/pkg/thidua.css', 'text/css']]) {
  test(`${path} is sent precompressed with brotli and gzip`, async ({ request }) => {
    const plain = await request.get(path, { headers: { 'Accept-Encoding': 'identity' } });
    expect(plain.status()).toBe(200);
    expect(plain.headers()['content-type']).toContain(type);
    const plainLength = Number(plain.headers()['content-length']);
    for (const encoding of ['br', 'gzip']) {
      const packed = await request.get(path, { headers: { 'Accept-Encoding': encoding } });
      expect(packed.headers()['content-encoding']).toBe(encoding);
      // A known length means the file was read as built, not compressed while streaming.
      expect(Number(packed.headers()['content-length'])).toBeLessThan(plainLength / 2);
    }
  });
}
