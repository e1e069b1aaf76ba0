import { defineConfig } from 'vitest/config';

const webRoot = decodeURIComponent(new URL('.', import.meta.url).pathname);

export default defineConfig({
  root: webRoot,
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts'],
  },
});
