// One running dashboard for a browser test: the sample corpus in a temp store, the server on 127.0.0.1:0 with ingest on, and a browser.
import { createApp, listen, type RunningServer } from '../../src/server/index.ts';
import { openSampleStore, type SampleStore } from '../server/sample-store.ts';
import { ensureDashboardBuilt, launchBrowser, type BrowserSession } from './browser.ts';

export interface Dashboard {
  sample: SampleStore;
  server: RunningServer;
  browser: BrowserSession;
  close(): Promise<void>;
}

export async function startDashboard(options: { width?: number; height?: number } = {}): Promise<Dashboard> {
  ensureDashboardBuilt();
  const sample = await openSampleStore();
  const app = createApp(sample.store, { ingest: { kb: sample.kb, maxBytes: 1024 * 1024, timeoutMs: 1000 } });
  const server = await listen(app, { host: '127.0.0.1', port: 0 });
  const browser = await launchBrowser(options);
  return {
    sample,
    server,
    browser,
    close: async () => {
      await browser.close();
      await server.close();
      await sample.dispose();
    },
  };
}
