"""The verzuim pages: the cases (``zaken``, ``melden``, ``acties``) and the reports
(``rapportage``). The URL modules import the views from their module."""
