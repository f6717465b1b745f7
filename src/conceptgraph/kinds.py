"""The vocabulary of a concept graph: contributor roles and relation kinds, with the
phrase each relation reads as ("cooperation *contrasts with* collaboration")."""

from __future__ import annotations

__all__ = ["ROLES", "TERM_RELATIONS", "ATTRIBUTE_RELATIONS", "CONTRIBUTOR_RELATIONS", "RELATION_KINDS"]

#: Roles a contributor can have in a discussion.
ROLES = ("author", "respondent", "commenter")

#: Relation kinds, by the kind of node they join, with a phrase for reading them aloud.
TERM_RELATIONS = {
    "contrasts_with": "contrasts with",
    "includes": "includes",
    "overlaps_with": "overlaps with",
    "similar_to": "is similar to",
    "analogous_to": "is analogous to",
    "sense_of": "is a sense of",
    "related_to": "is related to",
}
ATTRIBUTE_RELATIONS = {
    "opposes": "is opposed to",
}
CONTRIBUTOR_RELATIONS = {
    "agrees_with": "agrees with",
    "disputes": "disputes",
}
RELATION_KINDS = {**TERM_RELATIONS, **ATTRIBUTE_RELATIONS, **CONTRIBUTOR_RELATIONS}
