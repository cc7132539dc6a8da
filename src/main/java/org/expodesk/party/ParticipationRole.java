package org.expodesk.party;

/** What a party was at an edition. Stored by name: only ever add. */
public enum ParticipationRole { EXHIBITOR, BUYER, PROFESSIONAL_VISITOR, VISITOR, SPONSOR, PARTNER, PRESS, EXHIBITOR_STAFF, SPEAKER }
