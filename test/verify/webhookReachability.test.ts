// webhook-reachability: its table of cases (webhookReachability.cases.ts), GIVEN / WHEN / THEN.
import { describe } from "vitest";
import { webhookReachability } from "../../components/verify/checks/webhookReachability";
import { tableTests } from "./fixtures";
import { webhookReachabilityCases } from "./webhookReachability.cases";

describe("webhook-reachability", () => {
  tableTests(webhookReachability, webhookReachabilityCases);
});
