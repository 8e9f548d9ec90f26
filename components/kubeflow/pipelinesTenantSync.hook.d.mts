// Types of the sync hook's exports (the hook itself is plain JavaScript so it runs on a stock
// Node.js image from a ConfigMap).
export interface HookSettings {
  host: string;
  port: number;
  secure: boolean;
  region: string;
  bucket: string;
}
export interface Attachment {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace: string; annotations?: Record<string, string> };
  data?: Record<string, string>;
  stringData?: Record<string, string>;
}
export interface SyncResponse {
  status: Record<string, string>;
  attachments: Attachment[];
}
export function settingsFromEnv(
  env: Record<string, string | undefined>,
): HookSettings & { port_: number };
export function desiredAttachments(namespace: string, s: HookSettings): Attachment[];
export function sync(
  request: { object?: { metadata?: { name?: string; labels?: Record<string, string> } } },
  s: HookSettings,
): SyncResponse;
