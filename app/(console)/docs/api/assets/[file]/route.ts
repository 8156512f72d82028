import { readFile } from "node:fs/promises";
import path from "node:path";

/**
 * Swagger UI's own files, served from the `swagger-ui-dist` package so that the API reference works
 * offline (no CDN). Only these files are served; they are read once at build time (prerendered).
 */
const FILES: Record<string, string> = {
  "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
  "swagger-ui.css": "text/css; charset=utf-8",
};

export const dynamicParams = false;

export function generateStaticParams() {
  return Object.keys(FILES).map((file) => ({ file }));
}

export async function GET(_req: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  const type = FILES[file];
  if (!type) return new Response("not found", { status: 404 });
  const body = await readFile(path.join(process.cwd(), "node_modules", "swagger-ui-dist", file));
  return new Response(new Uint8Array(body), {
    headers: { "content-type": type, "cache-control": "public, max-age=86400" },
  });
}
