// npm run bench: plan time and peak memory for the local stack with 1, 100 and 1,000 tenants.
// Each size runs in a fresh process so memory figures do not mix.
import { execFileSync } from "child_process";

const SIZES = [1, 100, 1000];

if (process.argv[2] === "--one") {
  const n = Number(process.argv[3]);
  void (async () => {
    const { evaluatePlatform } = await import("../components/plan/evaluate");
    const tenants = Array.from({ length: n }, (_, i) => ({
      name: `team-${i}`,
      owner: `owner${i}@example.com`,
      contributors: [1, 2, 3].map((j) => ({ email: `member${j}-${i}@example.com`, role: "edit" })),
      quota: { cpu: "8", memory: "32Gi" },
    }));
    const start = process.hrtime.bigint();
    const regs = await evaluatePlatform("bench", {
      cluster: { kind: "existing", context: "kind-kubeflow" },
      tenants,
    });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    console.log(
      JSON.stringify({
        tenants: n,
        resources: regs.length,
        ms,
        rssMiB: process.resourceUsage().maxRSS / 1024,
      }),
    );
  })();
} else {
  const rows = SIZES.map((n) => {
    const start = process.hrtime.bigint();
    const out = execFileSync("npx", ["tsx", __filename, "--one", String(n)], { encoding: "utf8" });
    const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
    return { ...JSON.parse(out.trim().split("\n").pop()!), wallMs };
  });
  console.log(
    "tenants | resources | plan time (s) | with start-up (s) | peak RSS (MiB)\n" +
      "(plan time: evaluating the program; start-up adds npx, tsx and loading the SDKs)",
  );
  for (const r of rows)
    console.log(
      `${String(r.tenants).padStart(7)} | ${String(r.resources).padStart(9)} | ${(r.ms / 1000).toFixed(2).padStart(13)} | ${(r.wallMs / 1000).toFixed(2).padStart(17)} | ${r.rssMiB.toFixed(0).padStart(14)}`,
    );
  const [, hundred, thousand] = rows;
  console.log(
    `\n1,000 vs 100 tenants: ${(thousand.ms / hundred.ms).toFixed(1)}x time (target at most 12x); targets for 1,000: <= 15 s, <= 1.5 GB`,
  );
}
