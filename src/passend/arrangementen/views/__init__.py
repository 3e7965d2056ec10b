"""The arrangement pages. One module per audience: ``school`` (request from the OPP, the
school's list, complete, withdraw), ``swv`` (werkvoorraad, completeness check, decision),
``inzien`` (one request and its decision letter) and ``portaal`` (the parents);
``afhandeling`` holds what they share.

Every request that touches pupil data writes exactly one access-log record: a GET fetches
through a selector that authorises and logs; a POST authorises with a non-logging fetch and
the service logs a successful write; when nothing is saved the view writes the one record
itself. A role that may never do something gets a 403 (logged); a hidden request is a 404
(logged).
"""
