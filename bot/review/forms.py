"""The site's forms (flask-wtf: each carries a CSRF token tied to the session)."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import PasswordField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from bot.records.vocabulary import STATUSES

MAX_NOTE_CHARS = 5000

STATUS_LABELS = {"new": "New", "in_review": "In review", "actioned": "Actioned", "closed": "Closed"}


class SignInForm(FlaskForm):
    """Username, password and (for accounts that have one) a one-time code."""

    username = StringField("Username", validators=[DataRequired(), Length(max=64)])
    password = PasswordField("Password", validators=[DataRequired(), Length(max=1024)])
    code = StringField("One-time code (if your account uses one)", validators=[Optional(), Length(max=10)])


class NoteForm(FlaskForm):
    """A handler's note on an incident."""

    body = TextAreaField("Note", validators=[DataRequired(), Length(max=MAX_NOTE_CHARS)])


class StatusForm(FlaskForm):
    """Move an incident along new → in review → actioned → closed."""

    status = SelectField(
        "Status", choices=[(s, STATUS_LABELS[s]) for s in STATUSES], validators=[DataRequired()]
    )


class ConfirmForm(FlaskForm):
    """A form that is only a button (take this, sign out, disable...): the CSRF token is its content."""
