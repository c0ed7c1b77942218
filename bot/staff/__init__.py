"""The staff console's logic: accounts, the inbox, aggregates with small-count suppression,
the audit log and "you said, we did". Plain Python; the web pages are in :mod:`bot.web`."""
