package org.expodesk.plan;

/** Fired when anything that moves an exhibition's schedule has changed (observed after commit). */
public record PlanChanged(long exhibitionId) {
}
