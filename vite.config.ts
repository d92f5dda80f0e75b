import { fileURLToPath } from "node:url";
import { defineConfig, type Plugin } from "vite";
import react from "@vitejs/plugin-react";
import {
  PUBLIC_CHANNEL_CATALOG_QUERY,
  pickPublicChannelCatalog,
} from "./src/web/public-channel/catalog-subset";

const web = (file: string) => fileURLToPath(new URL(`./src/web/${file}`, import.meta.url));

/** `<lang>.json?public-channel`: only the residents' page's messages (catalog-subset.ts). */
function publicChannelCatalogs(): Plugin {
  return {
    name: "tandem-public-channel-catalogs",
    enforce: "pre",
    transform(code, id) {
      if (!id.endsWith(`.json${PUBLIC_CHANNEL_CATALOG_QUERY}`)) return null;
      const catalog = pickPublicChannelCatalog(JSON.parse(code));
      return { code: `export default ${JSON.stringify(catalog)};`, moduleType: "js", map: null };
    },
  };
}

/** The service worker of the residents' page keeps a fixed name at the root (its scope is `/`). */
const SERVICE_WORKER = "resident-sw";

export default defineConfig({
  root: "src/web",
  plugins: [publicChannelCatalogs(), react()],
  build: {
    outDir: "../../dist/web",
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      // The staff app, the residents' page (/report, /follow-up/…) and its service worker.
      input: {
        index: web("index.html"),
        resident: web("resident.html"),
        [SERVICE_WORKER]: web("public-channel/service-worker.ts"),
      },
      output: {
        entryFileNames: (chunk) =>
          chunk.name === SERVICE_WORKER ? `${SERVICE_WORKER}.js` : "assets/[name]-[hash].js",
      },
    },
  },
  server: { proxy: { "/api": "http://localhost:3000" } },
});
