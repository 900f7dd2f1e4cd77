"""集計・指標: the monthly tallies on screen, the city office's
consolidation of branch files, the plan's indicators and the evaluation
sheet. Entry point: ``screen.TalliesScreen(ctx)``."""
