"""Form rendering in NL Design System style, shared by every app."""

from typing import Any, ClassVar

from django import forms
from django.core.exceptions import ValidationError

WIDGET_KLASSEN = {
    forms.TextInput: "utrecht-textbox utrecht-textbox--html-input",
    forms.EmailInput: "utrecht-textbox utrecht-textbox--html-input",
    forms.NumberInput: "utrecht-textbox utrecht-textbox--html-input",
    forms.DateInput: "utrecht-textbox utrecht-textbox--html-input",
    forms.PasswordInput: "utrecht-textbox utrecht-textbox--html-input",
    forms.Textarea: "utrecht-textarea utrecht-textarea--html-textarea",
    forms.Select: "utrecht-select utrecht-select--html-select",
    forms.ClearableFileInput: "utrecht-textbox",
    forms.FileInput: "utrecht-textbox",
}


def _beschreven_door(form: Any, naam: str, veld: forms.Field) -> str:
    """The ids that describe an input with an error: the error first, then what described
    it before (an id the form set itself), or else its hint: Django links a field's
    ``help_text`` as ``<id>_helptext`` by itself, but only while nothing else is set."""
    gebonden = form[naam]
    fout = f"{gebonden.auto_id}-fout"
    eerder = [i for i in str(veld.widget.attrs.get("aria-describedby", "")).split() if i != fout]
    if (
        not eerder
        and veld.help_text
        and gebonden.auto_id
        and not gebonden.is_hidden
        and not gebonden.use_fieldset
    ):
        eerder = [f"{gebonden.auto_id}_helptext"]
    return " ".join([fout, *eerder])


def nl_design_widgets(form: Any) -> None:
    """Give every widget its Utrecht class and link errors to the input (aria), keeping
    the link to the field's hint."""
    for naam, veld in form.fields.items():
        klasse = next((k for t, k in WIDGET_KLASSEN.items() if isinstance(veld.widget, t)), "")
        if klasse:
            veld.widget.attrs.setdefault("class", klasse)
        # Only after validation: reading form.errors here would validate too early.
        fouten = getattr(form, "_errors", None)
        if fouten and naam in fouten:
            veld.widget.attrs["aria-invalid"] = "true"
            veld.widget.attrs["aria-describedby"] = _beschreven_door(form, naam, veld)


class NLDesignForm(forms.Form):
    template_name = "core/_formulier.html"
    template_name_div = "core/_formulier.html"
    #: Optional fields whose label already says when they are needed (or that need no
    #: hint, like a search box): the label gets no "(niet verplicht)".
    ZONDER_VERPLICHT_HINT: ClassVar[frozenset[str]] = frozenset()

    def full_clean(self) -> None:
        super().full_clean()
        nl_design_widgets(self)

    def add_error(self, field: str | None, error: Any) -> None:
        # Errors added after validation (from a service) are linked to their input too.
        super().add_error(field, error)
        nl_design_widgets(self)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        nl_design_widgets(self)


def fouten_naar_formulier(form: forms.Form, fout: ValidationError) -> None:
    """Show a service's ValidationError on the form: per field where the form has that field,
    otherwise at the top of the form."""
    if hasattr(fout, "error_dict"):
        for veld, meldingen in fout.message_dict.items():
            form.add_error(veld if veld in form.fields else None, meldingen)
    else:
        form.add_error(None, fout.messages)
