"""Every conversation in the tracker store, with or without a record, so nobody who left halfway is lost."""

from __future__ import annotations

from flask import Blueprint, abort, current_app, render_template, request
from flask_login import current_user

from bot.records import store
from bot.review.casework import conversations_with_records, references_for_conversation, transcript_for

conversations = Blueprint("conversations", __name__, url_prefix="/conversations")
PAGE_SIZE = 100
MAX_CONVERSATION_ID = 255


@conversations.route("")
def list_all() -> str:
    """The conversations list, latest first."""
    try:
        page = max(1, int(request.args.get("page", "1")))
    except ValueError:
        page = 1
    db = current_app.extensions["review_db"]
    rows = conversations_with_records(
        current_app.extensions["review_tracker"], db, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE
    )
    store.audit(db, current_user.actor, "view_conversations", None, {"page": page})
    return render_template("conversations.html", rows=rows, page=page, page_size=PAGE_SIZE)


@conversations.route("/<path:conversation_id>")
def show(conversation_id: str) -> str:
    """One conversation's transcript (audited as `view_transcript`)."""
    if len(conversation_id) > MAX_CONVERSATION_ID:
        abort(404)
    db = current_app.extensions["review_db"]
    transcript = transcript_for(
        current_app.extensions["review_tracker"], conversation_id, current_app.extensions["review_cipher"], []
    )
    if not transcript.turns:
        abort(404)
    references = references_for_conversation(db, conversation_id)
    # The conversation id is a pseudonymous server-issued or hashed id, not personal data in itself.
    store.audit(
        db,
        current_user.actor,
        "view_transcript",
        references[0] if references else None,
        {"conversation_id": conversation_id, "turns": len(transcript.turns)},
    )
    return render_template(
        "conversation.html", conversation_id=conversation_id, transcript=transcript, references=references
    )
