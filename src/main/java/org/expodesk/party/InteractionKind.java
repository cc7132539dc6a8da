package org.expodesk.party;

/** How the organizer was in touch (交往信息). */
public enum InteractionKind { CALL, EMAIL, MEETING, VISIT, NOTE }
