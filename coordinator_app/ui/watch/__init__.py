"""見守り screens: the monthly worklist and contact entry, users,
cooperators, the disaster roll-call and stock figures. Entry point:
``coordinator_app.ui.watch.screen.WatchScreen(ctx)``."""
