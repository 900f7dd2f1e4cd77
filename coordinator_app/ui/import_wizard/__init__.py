"""台帳の取り込み: the wizard that brings a branch's own Excel/CSV ledgers
into the app (issue 20). ``wizard.ImportWizard`` hosts one page per step;
the work (reading, mapping, checking, importing) is
``services.ledger_wizard``'s, run on ``ctx.runner``."""
