"""Pages of aanmelding and zorgplicht. Thin: parse (form), call one selector or service,
render or redirect. ``school`` (the school's list, paper registration, detail, extension,
decision), ``portaal`` (parents), ``regio`` (running terms for the board and the SWV),
``documenten`` (letters as PDF); ``afhandeling`` holds what they share."""
