"""Every write of the aanbod app. One module per part: ``aanbod`` (an offer version: the
concept, saving, publishing), ``schoolgids`` (the schoolgids text), ``wachtlijst`` (waiting
lists of sbo/so/vso), ``sociale_kaart`` (the region's sociale kaart) and ``importeren`` (the
SWV's CSV import). Import the module you need; ``basis`` holds what they share."""
