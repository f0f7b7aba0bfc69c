"""Looking after the archive from the window: the recovery code at the unlock screen, the
password, the recovery code, backups and restores, checks, and the recent archives on the
welcome screen. The work is done by amanat.app.care; these are only its screens."""
