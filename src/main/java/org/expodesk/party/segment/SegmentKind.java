package org.expodesk.party.segment;

/** What a segment's members are. Stored by name: only ever add. */
public enum SegmentKind { ORGANIZATIONS, PEOPLE }
