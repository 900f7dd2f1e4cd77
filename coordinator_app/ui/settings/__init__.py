"""設定: personal preferences for everyone; accounts, branches, areas,
categories, safety and the audit trail for administrators."""
