import type { Ref } from "@/lib/customers/serializers";

/** The choices of the list's filters and the new-customer form, loaded once by the page on the server. */
export interface CustomerRefs {
  tasks: Ref[];
  owners: { id: number; name: string; loginNo: string; departmentId: number | null }[];
  types: Ref[];
  dealFlags: Ref[];
  sources: Ref[];
  stages: Ref[];
  labels: Ref[];
}
