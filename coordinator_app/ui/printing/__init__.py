"""印刷: the print dialog (choose a list, its filters and columns, see the
first page, print to PDF and open it in the system viewer), the print
register (印刷台帳) and the screen that holds both."""
