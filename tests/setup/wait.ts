import { waitForSites } from './sites.ts';

// Every `site` test file reads a built site: it waits here for the global setup's builds.
await waitForSites();
