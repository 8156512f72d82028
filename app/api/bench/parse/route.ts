/**
 * The benchmarks' POST floor (bench/run.ts): parses the JSON body of a `customer-event/create` and
 * answers the events dialect's success envelope, with no authentication and no database. It exists
 * only when the server runs with CDP_BENCH_ROUTES=1 (bench/harness.ts sets it); otherwise 404.
 */
export const dynamic = "force-dynamic";

export async function POST(req: Request) {
  if (process.env.CDP_BENCH_ROUTES !== "1") return new Response(null, { status: 404 });
  await req.json();
  return Response.json({ code: 0, msg: "success", data: null });
}
