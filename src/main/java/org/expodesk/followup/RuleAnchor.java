package org.expodesk.followup;

/** The day of the edition a rule counts its offset from. Stored by name: only ever add. */
public enum RuleAnchor { OPENING, CLOSING }
