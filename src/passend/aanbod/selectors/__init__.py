"""Every read of the aanbod app. ``catalogus`` is the only door to published offers for the
public guide and the public API (drafts are never public); ``zoeken`` finds nearby schools
and places; ``school`` reads a location's versions for its school; ``regio`` gives the SWV
its overview and waiting lists; ``sociale_kaart`` lists the region's voorzieningen."""
