package org.expodesk.registration.exhibitor;

/** Where an exhibitor application stands; see docs/exhibitors.md for the moves between them. */
public enum ApplicationStatus { SUBMITTED, CONFIRMED, MORE_INFO_REQUESTED, APPROVED, REJECTED }
