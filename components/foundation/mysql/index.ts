// MySQL for the platform: the names clients share (connection.ts), the in-cluster server
// (server.ts), applications' databases and users (users.ts) and a managed server (managed.ts).
export * from "./connection";
export * from "./managed";
export * from "./server";
export * from "./users";
