package org.expodesk.party;

/** The screening of an organization (客户甄别): is it what it says it is. */
public enum Verification { UNVERIFIED, VERIFIED, REJECTED }
