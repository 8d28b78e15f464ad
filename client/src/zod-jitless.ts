import { z } from 'zod';

// The server's Content-Security-Policy has no 'unsafe-eval'. zod compiles fast parsers with
// `new Function` after probing whether it may; under the CSP the probe fails (zod falls back)
// but the browser still reports it as a violation. Jitless mode skips the probe altogether.
z.config({ jitless: true });
