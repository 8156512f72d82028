/** Liveness: constant JSON, no database. Also the benchmarks' baseline of what the framework costs. */
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ ok: true });
}
