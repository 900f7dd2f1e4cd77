"""ボランティア screens: registration, search and matching, the activity
log and insurance renewal. Entry point: ``screen.VolunteersScreen(ctx)``."""
