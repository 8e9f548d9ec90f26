// Moved to ./data (the data services' shared objects). platform.ts still imports this path; the
// re-export goes once it imports ./data.
export { DATA_NAMESPACE, dataNamespace } from "./data";
