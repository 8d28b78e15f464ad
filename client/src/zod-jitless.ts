import { z } from 'zod';

// The server's Content-Security-Policy has no 'unsafe-eval'. zod compiles fast parsers with
// `new Function` after probing whether it may; under the CSP the probe fails (zod falls back)
// but the browser still reports it as a violation. Jitless mode skips the probe altogether.
// zod probes when the first object schema is built, so this module must run before any shared
// schema module does: lazy-page.ts loads it ahead of every screen that uses the schemas.
z.config({ jitless: true });
