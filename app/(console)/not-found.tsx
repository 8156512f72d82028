import { NotFoundBody } from "@/components/shell/not-found-body";

/** A missing customer or event type: inside the console shell, whose <main> holds it (no second one). */
export default function NotFound() {
  return <NotFoundBody />;
}
