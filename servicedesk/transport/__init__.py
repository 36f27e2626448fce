"""The GraphQL transport: the endpoint over HTTP and WebSocket, persisted queries, uploads,
live sockets and their authentication, and the answer-size guard."""
