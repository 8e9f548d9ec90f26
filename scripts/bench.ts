// npm run bench: plan time and peak memory at scale, printed as tables so runs can be compared.
//   - the local platform stack with 1, 100 and 1,000 tenants (targets: 1,000 in <= 15 s and
//     <= 1.5 GB, and at most 12x the time of 100);
//   - a tenants stack (layers: tenants) with 100, 1,000 and 5,000 tenants (target: 5,000 in
//     <= 60 s), with the resources each tenant costs (target: at most 5 + 2 per contributor:
//     namespace, Profile, ResourceQuota, LimitRange, object-store keys, and per contributor a
//     RoleBinding and an AuthorizationPolicy).
// Every tenant has 3 contributors and a CPU/memory/storage quota. Each size runs in a fresh process
// so memory figures do not mix.
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

type Scenario = "platform" | "tenants";
const SIZES: Record<Scenario, number[]> = { platform: [1, 100, 1000], tenants: [100, 1000, 5000] };
const CONTRIBUTORS = 3;

interface Row {
  tenants: number;
  resources: number;
  perTenant: number;
  ms: number;
  rssMiB: number;
  wallMs: number;
}

async function one(scenario: Scenario, n: number): Promise<void> {
  const { evaluatePlatform } = await import("../components/plan/evaluate");
  const tenants = Array.from({ length: n }, (_, i) => ({
    name: `team-${i}`,
    owner: `owner${i}@example.com`,
    contributors: Array.from({ length: CONTRIBUTORS }, (_, j) => ({
      email: `member${j}-${i}@example.com`,
      role: "edit",
    })),
    quota: { cpu: "8", memory: "32Gi", storage: "100Gi" },
  }));
  const config =
    scenario === "platform"
      ? { cluster: { kind: "existing", context: "kind-kubeflow" }, tenants }
      : {
          layers: "tenants",
          platformStack: "organization/kubeflow-platform/platform-dev",
          cluster: { kind: "existing", context: "dev" },
          tenants,
        };
  const start = process.hrtime.bigint();
  const regs = await evaluatePlatform(`bench-${scenario}`, config);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const perTenant = regs.filter((r) => r.name.startsWith("tenants-team-0-")).length;
  console.log(
    JSON.stringify({
      tenants: n,
      resources: regs.length,
      perTenant,
      ms,
      rssMiB: process.resourceUsage().maxRSS / 1024,
    }),
  );
}

function run(scenario: Scenario, WORK: string): Row[] {
  return SIZES[scenario].map((n) => {
    const start = process.hrtime.bigint();
    const out = execFileSync("npx", ["tsx", __filename, "--one", scenario, String(n)], {
      encoding: "utf8",
      env: { ...process.env, KUBEFLOW_PLATFORM_WORK_DIR: WORK },
    });
    const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
    return { ...JSON.parse(out.trim().split("\n").pop()!), wallMs };
  });
}

function table(title: string, rows: Row[]): void {
  console.log(`\n${title}`);
  console.log(
    "tenants | resources | per tenant | plan time (s) | with start-up (s) | peak RSS (MiB)",
  );
  for (const r of rows)
    console.log(
      `${String(r.tenants).padStart(7)} | ${String(r.resources).padStart(9)} | ${String(r.perTenant).padStart(10)} | ${(r.ms / 1000).toFixed(2).padStart(13)} | ${(r.wallMs / 1000).toFixed(2).padStart(17)} | ${r.rssMiB.toFixed(0).padStart(14)}`,
    );
}

const USAGE =
  "usage: npm run bench   (takes no options; prints the tables and the targets, exit 1 when one is missed)";
const argv = process.argv.slice(2);
if (argv.includes("--help") || argv.includes("-h")) {
  console.log(USAGE);
  process.exit(0);
}
if (argv.length && argv[0] !== "--one") {
  console.error(`unexpected argument '${argv[0]}'\n${USAGE}`);
  process.exit(1);
}

if (process.argv[2] === "--one") {
  void one(process.argv[3] as Scenario, Number(process.argv[4]));
} else {
  // The benchmark's overlays go to a temporary folder, removed when it ends.
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "kubeflow-platform-bench-"));
  process.on("exit", () => fs.rmSync(work, { recursive: true, force: true }));
  console.log("(plan time: evaluating the program; start-up adds npx, tsx and loading the SDKs)");
  const platform = run("platform", work);
  table("Platform stack (local) with tenants", platform);
  const [, hundred, thousand] = platform;
  const tenants = run("tenants", work);
  table("Tenants stack (layers: tenants)", tenants);
  const big = tenants[tenants.length - 1];
  const targets: [string, number, number, string][] = [
    ["1,000 vs 100 tenants, time ratio", thousand.ms / hundred.ms, 12, "x"],
    ["1,000 tenants, plan time", thousand.ms / 1000, 15, " s"],
    ["1,000 tenants, peak RSS", thousand.rssMiB, 1536, " MiB"],
    [
      `resources per tenant (${CONTRIBUTORS} contributors)`,
      big.perTenant,
      5 + 2 * CONTRIBUTORS,
      "",
    ],
    ["5,000 tenants, with start-up", big.wallMs / 1000, 60, " s"],
  ];
  console.log("\nTargets:");
  const missed = targets.filter(([, value, limit]) => value > limit);
  for (const [name, value, limit, unit] of targets)
    console.log(
      `${value > limit ? "MISSED" : "met   "}  ${name}: ${value.toFixed(1)}${unit} (target <= ${limit}${unit})`,
    );
  if (missed.length) {
    console.log(`\n${missed.length} target(s) missed: ${missed.map(([n]) => n).join("; ")}`);
    process.exitCode = 1;
  }
}
