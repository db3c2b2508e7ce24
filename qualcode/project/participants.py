"""Storing a participants table: cases and their attribute values.

Re-importing the same table updates values in place; cases named in the
table but not yet in the project are created (a participant may be known
before their transcript is imported). One undoable change.
"""

from __future__ import annotations

from sqlalchemy import func, select

from qualcode.model import Attribute, Case, CaseValue
from qualcode.participants import ParticipantTable
from qualcode.project.changes import ChangeSet


def store_participants(changes: ChangeSet, table: ParticipantTable) -> tuple[int, int]:
    """Write the table's attributes and values in the open change; returns (added, updated)."""
    added = updated = 0
    session = changes.session
    attributes: dict[str, Attribute] = {
        a.name: a for a in session.scalars(select(Attribute))
    }
    order = session.scalar(select(func.max(Attribute.sort_order))) or 0
    for name, kind in table.attributes:
        attribute = attributes.get(name)
        if attribute is None:
            order += 1
            attributes[name] = changes.add(Attribute(name=name, type=kind, sort_order=order))
        elif attribute.type != kind:
            changes.update(attribute, type=kind)
    for case_name, values in table.rows:
        case = session.scalar(select(Case).where(Case.name == case_name))
        if case is None:
            case = changes.add(Case(name=case_name))
            added += 1
        else:
            updated += 1
        for attribute_name, value in values.items():
            attribute = attributes[attribute_name]
            current = session.get(CaseValue, (case.id, attribute.id))
            if current is None:
                changes.add(CaseValue(case_id=case.id, attribute_id=attribute.id, value=value))
            elif current.value != value:
                changes.update(current, value=value)
    return added, updated
