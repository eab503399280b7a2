// Imported first by the popup's module graph: zod must not compile validators with
// `new Function`, which the extension pages' CSP forbids (and reports as a violation).
import { z } from 'zod';

z.config({ jitless: true });
