// The bench's peer (bench/README.md): PostGraphile 4 on the bench database, read-only.
// DATABASE_URL and PORT from the environment; listens on 127.0.0.1 only.
"use strict";
const http = require("http");
const { postgraphile } = require("postgraphile");
const ConnectionFilterPlugin = require("postgraphile-plugin-connection-filter");
// The report's counts per contractor: grouped aggregates on a connection.
const PgAggregatesPlugin = require("@graphile/pg-aggregates").default;

// Every transaction of the peer's pool is read-only: it serves the bench's data, never edits it.
// JIT off, as the API's and raw's sessions have it (servicedesk/db.py).
const url = new URL(process.env.DATABASE_URL.replace(/^postgres:/, "postgresql:"));
url.searchParams.set("options", "-c default_transaction_read_only=on -c jit=off");

const handler = postgraphile(url.toString(), "public", {
  appendPlugins: [ConnectionFilterPlugin, PgAggregatesPlugin],
  // The team filter goes through the responsible member: a filter on a to-one relation.
  graphileBuildOptions: { connectionFilterRelations: true },
  disableDefaultMutations: true,
  disableQueryLog: true, // a log line a request would be the peer's own handicap
  graphiql: false,
  watchPg: false,
  retryOnInitFail: false,
});

const port = Number(process.env.PORT || 5000);
http.createServer(handler).listen(port, "127.0.0.1", () => {
  console.log(`postgraphile peer on 127.0.0.1:${port}`);
});
