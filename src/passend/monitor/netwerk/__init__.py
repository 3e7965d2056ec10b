"""The dekkend netwerk optimiser: pure Python (numpy, scipy, OR-Tools), no Django.

``model`` holds the input and output types, ``oplosser`` the min-cost flow that places
every pupil with a support need "zo thuisnabij en zo regulier mogelijk" (ADR 0010),
``lp_controle`` the independent LP formulation (scipy HiGHS) that checks its optimum, and
``bestanden`` the CSV/JSON files of ``manage.py dekkend_netwerk``.
"""
