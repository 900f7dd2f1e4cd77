"""行事・サロン screens: activity groups and the events a branch holds.
Entry point: ``screen.GatheringsScreen(ctx)``."""
