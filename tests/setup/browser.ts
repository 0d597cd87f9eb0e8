export { serve } from '../../src/lib/static-server.ts';
export { launchChromium as launch } from '../../src/lib/chromium.ts';
