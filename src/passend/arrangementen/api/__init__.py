"""API of arrangement requests: the same policy, selectors, services and access log as the
pages. ``viewsets`` holds the resource and its actions, ``serializers`` the answers and
``invoer`` the request bodies.

Every request that touches pupil data writes exactly one access-log record: reads through
the selectors, successful writes through the services; refusals and writes that were not
saved are recorded here. A role that may never do something gets a 403; a hidden request
is a 404.
"""
