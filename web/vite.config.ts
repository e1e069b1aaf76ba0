import react from '@vitejs/plugin-react';
import { defineConfig, loadEnv } from 'vite';

// Resolved without node:path so this file typechecks with the browser-only web tsconfig.
const webRoot = decodeURIComponent(new URL('.', import.meta.url).pathname);

export default defineConfig(({ mode }) => {
  // The API server for `vite` (dev) and `vite preview`; override with JIQUN_API_TARGET=http://host:port.
  const apiTarget = loadEnv(mode, webRoot, 'JIQUN_').JIQUN_API_TARGET || 'http://localhost:3000';
  const proxy = { '/api': apiTarget, '/healthz': apiTarget, '/readyz': apiTarget };
  return {
    root: webRoot,
    plugins: [react()],
    server: { proxy },
    preview: { proxy },
    build: {
      outDir: '../dist/web',
      emptyOutDir: true,
      // Pages are React.lazy chunks, so antd components split along with the pages that use them; only
      // React + router get a long-lived vendor chunk (~310 kB raw). A little headroom over the default 500.
      chunkSizeWarningLimit: 600,
      rolldownOptions: {
        output: {
          codeSplitting: {
            groups: [
              {
                name: 'react',
                test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/,
                priority: 30,
              },
            ],
          },
        },
      },
    },
  };
});
