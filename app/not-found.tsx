import { NotFoundBody } from "@/components/shell/not-found-body";

/** An address outside the console shell: the page is its own <main>. */
export default function NotFound() {
  return (
    <main className="flex min-h-dvh items-center justify-center">
      <NotFoundBody />
    </main>
  );
}
