// The Central Dashboard's menu names only what the stack installs. Upstream's
// centraldashboard-config (applications/centraldashboard at 26.03, kserve overlay) links Notebooks,
// TensorBoards, Volumes, Katib, KServe and Pipelines whatever is installed, and lacks some apps'
// links (Model Registry's): each app's module says which path is its (`dashboardLink`) and what to
// add when upstream has no link to it.
import { forObject, ObjectTransform } from "../lib/transforms";
import { DashboardLink } from "./app";
import { APPS, AppRegistry } from "./registry";

/** The links, without those of apps not installed, with the installed apps' missing ones. Pure. */
export function dashboardMenu(
  links: Record<string, unknown>,
  installed: ReadonlySet<string>,
  registry: AppRegistry = APPS,
): Record<string, unknown> {
  const linked = Object.values(registry).filter((m) => m.dashboardLink);
  const appOf = (link: DashboardLink) => {
    const path = link.link ?? link.items?.[0]?.link ?? "";
    return linked.find((m) => m.dashboardLink!.path.test(path))?.name;
  };
  const keep = (l: DashboardLink) => {
    const app = appOf(l);
    return app === undefined || installed.has(app);
  };
  const menu = ((links.menuLinks as DashboardLink[] | undefined) ?? []).filter(keep);
  for (const m of linked) {
    const add = m.dashboardLink!.add;
    if (add && installed.has(m.name) && !menu.some((l) => appOf(l) === m.name)) menu.push(add);
  }
  return {
    ...links,
    menuLinks: menu,
    ...(Array.isArray(links.quickLinks)
      ? { quickLinks: (links.quickLinks as DashboardLink[]).filter(keep) }
      : {}),
  };
}

/** The transform on upstream's centraldashboard-config. */
export function dashboardLinks(
  installed: ReadonlySet<string>,
  registry: AppRegistry = APPS,
): ObjectTransform {
  return forObject("ConfigMap", "centraldashboard-config", (obj) => {
    const data = (obj.data ?? {}) as Record<string, string>;
    if (!data.links) return obj;
    obj.data = {
      ...data,
      links: JSON.stringify(dashboardMenu(JSON.parse(data.links), installed, registry), null, 2),
    };
    return obj;
  });
}
