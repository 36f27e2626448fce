"""Fan-out benchmark of order events.

    .venv/bin/python -m bench.fanout [--subscribers 100,1000,5000] [--processes 1|2]
        [--database postgres|sqlite|ADMIN_URL] [--redis private|none|URL] [--deflate off,on]

What it does, in order:

1. A fresh database: by default a PostgreSQL database created (and dropped at the end) on
   postgres://postgres@127.0.0.1:5432/postgres, or another server's administrative URL given
   with `--database`; `--database sqlite` uses a temporary SQLite file and the memory backend.
   Migrations run with `python -m servicedesk.cli migrate`.
2. Redis: by default a private `redis-server` on a free port (channel names are
   `servicedesk:company:<id>`, and every fresh database starts at company 1, so a Redis shared
   with test runs would mix their events into ours); `--redis URL` uses that server, `--redis
   none` the memory backend (one process only).
3. A company, a client and a contractor (each with a portal member) and an order assigned to
   the contractor, created through GraphQL over HTTP. Subscribers take the owner's, the client
   member's and the contractor member's token in turn: all three may see the order, so every
   subscriber must receive every event, through the per-subscriber visibility check.
4. For each N: fresh API processes (uvicorn, `--processes` of them, no balancer: subscribers
   are spread over them, the mutation goes to the first), N WebSocket subscribers
   (graphql-transport-ws, token in `connection_init`) opened from `--client-procs` client
   processes, the server's RSS before and after (per 1,000 idle subscribers), the server's
   CPU while they are idle, then `--repeats` status changes (IN_PROGRESS <-> DONE), each timed
   from just before the mutation is sent to the arrival of its event at every subscriber.
5. SQL statements per event, in-process: the app served by `uvicorn.Server` in this process's
   event loop, subscribers in the same loop, and a handler on the "tortoise.db_client" logger
   that attributes each statement to the asyncio task that sent it (the mutation's request,
   the hub's feed, the subscription operations, or periodic background work).

The API runs as `servicedesk serve` runs it: `uvicorn servicedesk.app:create_app --factory --ws
servicedesk.transport.ws_protocol:LeanWSProtocol --ws-per-message-deflate false`, plus `--backlog 4096`
and no `--limit-concurrency` (so no limit); `--ws websockets|wsproto` and `--deflate on`
(uvicorn's own defaults) change that.

Diagnostics, all optional: `--py-spy` (profile of API process 1 during the events; py-spy in the
venv), `--gc-stats` (garbage-collection pauses in the API processes, recorded by
bench/gcprobe/sitecustomize.py), `--tracemalloc 25` (what the idle subscribers' memory is, by
package and line; slow), and two experiments on the collector, `--gc-freeze` and
`--gc-threshold A,B,C`, which change the API processes and are marked as such in the output.

Client and server processes share this machine's cores, so the figures include the clients'
own CPU. Everything started is stopped, and the database dropped, also on failure, Ctrl-C or
SIGTERM.

Layout: `__main__` (the command line, and the order above), `world` (database, Redis, the
company), `servers` (API processes), `clients` (subscriber sockets, client processes), `events`
(one timed status change), `scenario` (step 4), `inprocess` (step 5), `measure` (RSS, CPU,
py-spy, GC pauses, tracemalloc), `report` (table and JSON lines), `common` (constants, helpers).
"""
