import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compiledCatalogs } from './vite-catalog-plugin.ts';

/**
 * The client is served by the Quizbus server on the same origin (client/dist). In development
 * (`npm run dev -w @quizbus/client`) Vite proxies the API and Socket.IO to a server on :3000.
 */
export default defineConfig({
  plugins: [compiledCatalogs(), react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, target: 'es2022' },
  server: {
    proxy: {
      '/api': 'http://localhost:3000',
      '/socket.io': { target: 'ws://localhost:3000', ws: true },
    },
  },
});
