// The Central Dashboard's menu names only what the stack installs. Upstream's
// centraldashboard-config (applications/centraldashboard at 26.03, kserve overlay) links Notebooks,
// TensorBoards, Volumes, Katib, KServe and Pipelines whatever is installed, and not Model Registry
// (its UI is routed at /model-registry/ by upstream's model-registry-ui VirtualService).
import { AppName } from "../config/apps";
import { forObject, ObjectTransform } from "../lib/transforms";

type Link = { type?: string; link?: string; text?: string; icon?: string; items?: Link[] };

/** Which app a dashboard link leads to, by its path. */
const LINK_APPS: [RegExp, AppName][] = [
  [/^\/jupyter\//, "notebooks"],
  [/^\/tensorboards\//, "tensorboards"],
  [/^\/volumes\//, "volumes"],
  [/^\/katib\//, "katib"],
  [/^\/kserve-endpoints\//, "kserve"],
  [/^\/pipeline\//, "pipelines"],
  [/^\/model-registry\//, "modelRegistry"],
];

export const MODEL_REGISTRY_LINK: Link = {
  type: "item",
  link: "/model-registry/",
  text: "Model Registry",
  icon: "assignment",
};

function appOf(link: Link): AppName | undefined {
  const path = link.link ?? link.items?.[0]?.link ?? "";
  return LINK_APPS.find(([re]) => re.test(path))?.[1];
}

/** The links, without those of apps not installed, with Model Registry when it is. Pure. */
export function dashboardMenu(
  links: Record<string, unknown>,
  apps: Set<AppName>,
): Record<string, unknown> {
  const keep = (l: Link) => {
    const app = appOf(l);
    return app === undefined || apps.has(app);
  };
  const menu = ((links.menuLinks as Link[] | undefined) ?? []).filter(keep);
  if (apps.has("modelRegistry") && !menu.some((l) => appOf(l) === "modelRegistry"))
    menu.push(MODEL_REGISTRY_LINK);
  return {
    ...links,
    menuLinks: menu,
    ...(Array.isArray(links.quickLinks)
      ? { quickLinks: (links.quickLinks as Link[]).filter(keep) }
      : {}),
  };
}

/** The transform on upstream's centraldashboard-config. */
export function dashboardLinks(apps: Set<AppName>): ObjectTransform {
  return forObject("ConfigMap", "centraldashboard-config", (obj) => {
    const data = (obj.data ?? {}) as Record<string, string>;
    if (!data.links) return obj;
    obj.data = {
      ...data,
      links: JSON.stringify(dashboardMenu(JSON.parse(data.links), apps), null, 2),
    };
    return obj;
  });
}
