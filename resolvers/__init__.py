"""What each operation does: plain async functions of (actor, arguments), GraphQL-free."""
