package org.expodesk.plan;

/** OPEN while watched; ACTIVATED once its contingency plan is put into the live plan; CLOSED when it can no longer happen. */
public enum RiskState { OPEN, ACTIVATED, CLOSED }
